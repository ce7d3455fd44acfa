package org.hearth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hearth.render.OutputFile;
import org.hearth.render.pdf.PrintOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hearth that builds again (as {@code serve} does after each save) reuses what did not change,
 * and its output is always exactly what a fresh build of the same files gives.
 */
class IncrementalRebuildTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    @TempDir
    Path dir;
    Path content;
    Path templates;
    BuildRequest request;

    @BeforeEach
    void copyTheDefaultWorkbook() throws IOException {
        content = dir.resolve("content");
        templates = dir.resolve("templates");
        try (Stream<Path> s = Files.walk(ROOT.resolve("content"))) {
            for (Path p : s.toList()) {
                Path to = content.resolve(ROOT.resolve("content").relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Files.createDirectories(templates.resolve("site"));
        request = new BuildRequest(content, templates, dir.resolve("out"), true, false, PrintOptions.DEFAULT, Overrides.NONE, null);
    }

    private Map<String, byte[]> site(Hearth hearth) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (OutputFile f : hearth.render(request).files()) {
            files.put(f.path(), f.bytes());
        }
        return files;
    }

    /** What a new Hearth, with nothing remembered, builds from the same files. */
    private void assertSameAsAFreshBuild(Map<String, byte[]> incremental) {
        Map<String, byte[]> fresh = site(new Hearth(dir));
        assertEquals(fresh.keySet(), incremental.keySet());
        fresh.forEach((path, bytes) -> assertArrayEquals(bytes, incremental.get(path), path));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void edit(String file, String from, String to) throws IOException {
        Path p = content.resolve(file);
        String before = Files.readString(p);
        assertTrue(before.contains(from), file + " contains " + from);
        Files.writeString(p, before.replaceFirst(java.util.regex.Pattern.quote(from), to));
    }

    @Test
    void anEditedBodyRendersOnlyItsOwnPageAgain() throws IOException {
        Hearth hearth = new Hearth(dir).withCache(new BuildCache());
        Map<String, byte[]> before = site(hearth);
        Map<String, byte[]> unchanged = site(hearth);
        before.forEach((path, bytes) -> assertTrue(!path.endsWith(".html") || bytes == unchanged.get(path),
                path + " is reused when nothing changed"));

        Path exercise = content.resolve("exercises/01-acknowledge.md");
        Files.writeString(exercise, Files.readString(exercise) + "\nA sentence added while previewing.\n");
        Map<String, byte[]> after = site(hearth);

        String page = "site/" + "acknowledge.html";
        assertTrue(text(after.get(page)).contains("A sentence added while previewing."));
        List<String> indexes = after.keySet().stream().filter(p -> p.startsWith("site/assets/search-index.")).toList();
        assertEquals(1, indexes.size(), indexes.toString());
        assertTrue(text(after.get(indexes.get(0))).contains("A sentence added while previewing."));
        assertTrue(!before.containsKey(indexes.get(0)), "the changed search index has a new name");
        List<String> rendered = after.keySet().stream().filter(p -> p.endsWith(".html") && after.get(p) != before.get(p)).sorted().toList();
        // The two pages that load the search index refer to its new name; every other page is reused.
        assertEquals(List.of(page, "site/answers.html", "site/search.html"), rendered,
                "only the edited exercise's page and the pages that load the search index are rendered again");
        assertSameAsAFreshBuild(after);
    }

    @Test
    void eachLanguageKeepsItsMarkdownSoARebuildRendersOnlyTheEditedDocument() throws IOException {
        BuildCache cache = new BuildCache();
        Hearth hearth = new Hearth(dir).withCache(cache);
        site(hearth);
        List<Hearth.RenderedMemo> first = all(cache);
        site(hearth);
        // The default workbook is bilingual: both languages' documents are remembered side by side
        // (one language's Markdown never pushes out the other's), and nothing is rendered again.
        assertEquals(List.of("en", "es"), List.copyOf(cache.renderedDocuments().keySet()));
        assertTrue(cache.renderedDocuments().values().stream().allMatch(l -> l.size() > 10), "every document of each language");
        List<Hearth.RenderedMemo> second = all(cache);
        assertEquals(first.size(), second.size());
        assertTrue(second.stream().allMatch(m -> first.stream().anyMatch(f -> f == m)), "an unchanged rebuild renders no Markdown");

        Path exercise = content.resolve("exercises/01-acknowledge.md");
        Files.writeString(exercise, Files.readString(exercise) + "\nA sentence added while previewing.\n");
        site(hearth);
        List<String> rendered = all(cache).stream().filter(m -> second.stream().noneMatch(f -> f == m))
                .map(m -> m.doc().relativePath()).distinct().toList();
        assertEquals(List.of("exercises/01-acknowledge.md"), rendered, "only the edited document's Markdown is rendered again");
    }

    private static List<Hearth.RenderedMemo> all(BuildCache cache) {
        return cache.renderedDocuments().values().stream().flatMap(List::stream).toList();
    }

    @Test
    void aPlainHearthRemembersNothingAndBuildsTheSameBytes() throws IOException {
        Hearth plain = new Hearth(dir);
        Map<String, byte[]> first = site(plain);
        Map<String, byte[]> second = site(plain);
        first.forEach((path, bytes) -> assertTrue(!path.endsWith(".html") || bytes != second.get(path),
                path + " is rendered again: a plain build holds no cache"));
        Map<String, byte[]> cached = site(new Hearth(dir).withCache(new BuildCache()));
        assertEquals(first.keySet(), cached.keySet());
        first.forEach((path, bytes) -> assertArrayEquals(bytes, second.get(path), path));
        first.forEach((path, bytes) -> assertArrayEquals(bytes, cached.get(path), path));
    }

    @Test
    void aNewTitleReachesTheNeighboursAndTheContents() throws IOException {
        Hearth hearth = new Hearth(dir).withCache(new BuildCache());
        Map<String, byte[]> before = site(hearth);
        edit("exercises/01-acknowledge.md", "title: ", "title: Renamed, ");
        Map<String, byte[]> after = site(hearth);
        assertTrue(text(after.get("site/index.html")).contains("Renamed, "));
        assertNotSame(before.get("site/index.html"), after.get("site/index.html"));
        assertSameAsAFreshBuild(after);
    }

    @Test
    void aTemplateEditIsPickedUpAtOnce() throws IOException {
        Hearth hearth = new Hearth(dir).withCache(new BuildCache());
        site(hearth);
        Path layout = templates.resolve("site/layout.ftlh");
        Files.copy(ROOT.resolve("templates/site/layout.ftlh"), layout);
        String original = Files.readString(layout);
        Files.writeString(layout, original.replace("<footer class=\"site-footer\">", "<footer class=\"site-footer\"><p>Made with Hearth, first edit.</p>"));
        assertTrue(text(site(hearth).get("site/index.html")).contains("first edit"));
        // The same length and within the same second: the change must still be seen.
        Files.writeString(layout, original.replace("<footer class=\"site-footer\">", "<footer class=\"site-footer\"><p>Made with Hearth, other edit.</p>"));
        Map<String, byte[]> after = site(hearth);
        assertTrue(text(after.get("site/index.html")).contains("other edit"));
        assertSameAsAFreshBuild(after);
    }

    @Test
    void whatChangesTheChoiceOfPromptsOrTheOrderIsWhatAFreshBuildGives() throws IOException {
        Hearth hearth = new Hearth(dir).withCache(new BuildCache());
        site(hearth);
        // An exercise drops a prompt, offers one twice (a warning, replayed by the rebuild that
        // follows), moves in the book (its neighbours' links change), the library and the
        // selection change: after each, the same bytes as a build with nothing remembered.
        edit("exercises/01-acknowledge.md", "prompts: [ack-big-reaction, ", "prompts: [");
        assertSameAsAFreshBuild(site(hearth));
        edit("exercises/01-acknowledge.md", "prompts: [", "prompts: [ack-body-signal, ");
        List<String> warned = warnings(hearth);
        assertTrue(warned.stream().anyMatch(w -> w.contains("'ack-body-signal' is offered twice")), warned.toString());
        assertEquals(warned, warnings(hearth), "an unchanged rebuild reports the same problems");
        edit("exercises/01-acknowledge.md", "order: 10", "order: 9999");
        assertSameAsAFreshBuild(site(hearth));
        edit("prompts/acknowledge.yml", "text: Think of a recent moment", "text: Think of one recent moment");
        assertSameAsAFreshBuild(site(hearth));
        edit("workbook.yml", "    - calm-where\n", "");
        assertSameAsAFreshBuild(site(hearth));
    }

    @Test
    void aRebuildAfterAnEditKeepsTheOtherEntriesAsTheyWere() throws IOException {
        Hearth hearth = new Hearth(dir).withCache(new BuildCache());
        List<org.hearth.model.Entry> before = hearth.prepare(request, new org.hearth.diag.Diagnostics()).entries();
        Path exercise = content.resolve("exercises/05-triggers.md");
        Files.writeString(exercise, Files.readString(exercise) + "\nA sentence added while previewing.\n");
        List<org.hearth.model.Entry> after = hearth.prepare(request, new org.hearth.diag.Diagnostics()).entries();
        assertEquals(before.size(), after.size());
        List<String> made = new java.util.ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i) != before.get(i)) {
                made.add(after.get(i).id());
            }
        }
        // Only the edited entry is chosen for again; its neighbours keep theirs (same title, same links).
        assertEquals(List.of("triggers"), made);
    }

    private List<String> warnings(Hearth hearth) {
        return hearth.render(request).warnings().stream().map(org.hearth.diag.Diagnostic::format).toList();
    }

    @Test
    void anEditedCatalogueReachesTheSearchIndexOfASingleLanguageSite() throws IOException {
        Path project = dir.resolve("single");
        assertEquals(0, org.hearth.cli.Main.run(new String[] {"init", project.toString()},
                new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter())));
        BuildRequest single = new BuildRequest(project.resolve("content"), project.resolve("templates"), project.resolve("out"),
                true, false, PrintOptions.DEFAULT, Overrides.NONE, null);
        Hearth hearth = new Hearth(project).withCache(new BuildCache());
        hearth.render(single);
        // The index's labels come from the interface strings, not from the entries, which stay the same.
        Path messages = project.resolve("templates/messages/en.properties");
        Files.createDirectories(messages.getParent());
        Files.writeString(messages, Files.readString(ROOT.resolve("templates/messages/en.properties"))
                .replaceFirst("(?m)^index\\.note *=.*$", "index.note = a note, said otherwise"));
        Map<String, byte[]> after = files(hearth.render(single).files());
        Map<String, byte[]> fresh = files(new Hearth(project).render(single).files());
        assertEquals(fresh.keySet(), after.keySet());
        fresh.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        assertTrue(fresh.keySet().stream().anyMatch(p -> p.startsWith("site/assets/search-index.")
                && text(fresh.get(p)).contains("a note, said otherwise")), "the edited label is in the index");
    }

    @Test
    void aTranslationTakenAwayReachesTheOtherLanguagesSwitcher() throws IOException {
        edit("workbook.yml", "languages: [en, es]", "languages: [en, es]\nmissing: omit");
        Hearth hearth = new Hearth(dir).withCache(new BuildCache());
        Map<String, byte[]> before = site(hearth);
        assertTrue(text(before.get("site/signs-of-healing.html")).contains("es/signs-of-healing.html"), "the switcher links the translation");
        Files.delete(content.resolve("es/exercises/30-signs-of-healing.md"));
        Map<String, byte[]> after = site(hearth);
        assertTrue(!text(after.get("site/signs-of-healing.html")).contains("es/signs-of-healing.html"),
                "with no translation the switcher no longer links it");
        assertSameAsAFreshBuild(after);
    }

    private static Map<String, byte[]> files(List<OutputFile> files) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        files.forEach(f -> out.put(f.path(), f.bytes()));
        return out;
    }
}
