package org.hearth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.cli.Main;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Entry;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.Workbook;
import org.hearth.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds the real default workbook in {@code content/} and checks both outputs by parsing them. */
class EndToEndTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    @TempDir
    static Path tmp;

    static Path out;
    static Workbook workbook;

    @BeforeAll
    static void build() throws IOException {
        out = tmp.resolve("output");
        BuildRequest request = new BuildRequest(ROOT.resolve("content"), ROOT.resolve("templates"), out);
        Hearth hearth = new Hearth(ROOT);
        workbook = hearth.prepare(request, new Diagnostics());
        hearth.build(request);
    }

    @Test
    void pdfHoldsEveryEntryAndTheChosenPromptsInOrderAndNoOthers() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(out.resolve("workbook.pdf").toFile())) {
            String text = normalise(new PDFTextStripper().getText(pdf));
            int at = text.indexOf("Contents");
            assertTrue(at >= 0, "no table of contents");
            Set<String> chosen = new HashSet<>();
            for (Entry e : workbook.entries()) {
                int title = text.indexOf(normalise(e.title()), at + 1);
                // The title also appears in the contents and running heads; find it after the previous entry.
                assertTrue(title > at, "entry '" + e.title() + "' missing or out of order");
                at = title;
                for (PlacedPrompt p : e.prompts()) {
                    int found = text.indexOf(normalise(p.prompt().text()), at);
                    assertTrue(found > at, "prompt " + p.prompt().id() + " of " + e.id() + " missing or out of order");
                    at = found;
                    chosen.add(p.prompt().id());
                }
            }
            List<String> leaked = new ArrayList<>();
            for (var p : library().entrySet()) {
                if (!chosen.contains(p.getKey()) && workbook.morePrompts().stream().noneMatch(m -> m.prompt().id().equals(p.getKey()))
                        && text.contains(normalise(p.getValue()))) {
                    leaked.add(p.getKey());
                }
            }
            assertEquals(List.of(), leaked, "prompts that were not chosen appear in the PDF");
        }
    }

    @Test
    void everyPdfFontIsEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(out.resolve("workbook.pdf").toFile())) {
            List<String> notEmbedded = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    if (!font.isEmbedded()) {
                        notEmbedded.add(font.getName());
                    }
                }
            }
            assertEquals(List.of(), notEmbedded.stream().distinct().toList());
        }
    }

    @Test
    void sitePagesParseAndEveryInternalLinkResolves() throws IOException {
        Path site = out.resolve("site");
        List<String> broken = new ArrayList<>();
        int pages = 0;
        try (Stream<Path> files = Files.walk(site)) {
            for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                pages++;
                Document doc = Jsoup.parse(page.toFile(), "UTF-8");
                assertEquals(1, doc.select("main").size(), page + " has no single main element");
                for (Element el : doc.select("a[href], link[href], script[src], img[src]")) {
                    String url = el.hasAttr("href") ? el.attr("href") : el.attr("src");
                    if (url.matches("^(https?:|mailto:|tel:|sms:|data:).*")) {
                        continue;
                    }
                    if (url.equals("/")) {
                        url = "index.html"; // the 404 page without base_url links home to the host's root
                    }
                    String path = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
                    String fragment = url.contains("#") ? url.substring(url.indexOf('#') + 1) : "";
                    Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                    if (!target.startsWith(site) || !Files.isRegularFile(target)) {
                        broken.add(site.relativize(page) + " → " + url);
                        continue;
                    }
                    if (!fragment.isEmpty() && target.toString().endsWith(".html")
                            && Jsoup.parse(target.toFile(), "UTF-8").getElementById(fragment) == null) {
                        broken.add(site.relativize(page) + " → " + url + " (no such anchor)");
                    }
                }
            }
        }
        assertTrue(pages >= workbook.entries().size() + 2, "too few pages: " + pages);
        assertEquals(List.of(), broken);
    }

    @Test
    void aFailedBuildLeavesThePreviousOutputByteForByteIntact(@TempDir Path project) throws IOException {
        Golden.copyContent("basic", project.resolve("content"));
        Path output = project.resolve("output");
        StringWriter err = new StringWriter();
        String[] args = {"build", "--content", project.resolve("content").toString(), "--out", output.toString(), "-q"};
        assertEquals(0, Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err)), err.toString());
        Map<String, byte[]> before = snapshot(output);
        assertTrue(before.containsKey("workbook.pdf") && before.containsKey("site/index.html"), before.keySet().toString());

        Path exercise = project.resolve("content/exercises/first.md");
        Files.writeString(exercise, Files.readString(exercise).replace("intensity: gentle", "intensity: gentel"), StandardCharsets.UTF_8);
        err = new StringWriter();
        assertEquals(1, Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().startsWith("1. "), err.toString());
        assertTrue(err.toString().contains("exercises/first.md:9:12: error: unknown intensity 'gentel'"), err.toString());
        assertTrue(err.toString().contains("hint: did you mean 'gentle'?"), err.toString());

        Map<String, byte[]> after = snapshot(output);
        assertEquals(before.keySet(), after.keySet());
        for (String key : before.keySet()) {
            assertArrayEquals(before.get(key), after.get(key), key + " changed");
        }
        try (Stream<Path> s = Files.list(project)) {
            assertEquals(List.of("content", "output"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder may be left behind");
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        StringWriter err = new StringWriter();
        assertEquals(2, Main.run(new String[] {"build", "--only", "everything"}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().contains("--only"), err.toString());
        assertThrows(BuildFailure.class, () -> new Hearth(tmp).build(new BuildRequest(tmp.resolve("nowhere"), null,
                tmp.resolve("o"))));
    }

    private static Map<String, String> library() throws IOException {
        Map<String, String> prompts = new TreeMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("content/prompts"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yml")).toList()) {
                List<Map<String, Object>> list = new org.yaml.snakeyaml.Yaml().load(Files.readString(f, StandardCharsets.UTF_8));
                list.forEach(m -> prompts.put(String.valueOf(m.get("id")), String.valueOf(m.get("text"))));
            }
        }
        return prompts;
    }

    private static String normalise(String s) {
        return s.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    /** Every file under {@code dir}, by its path there with '/' separators, with its bytes. */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
