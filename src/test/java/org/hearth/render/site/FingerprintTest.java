package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.OutputFile;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Assets get content-hashed names that every page (and the stylesheet, for fonts) refers to, so a
 * host may cache them forever and an update always arrives whole.
 */
class FingerprintTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    @TempDir
    Path dir;
    BuildRequest request;
    Path templates;

    @BeforeEach
    void copy() {
        Path content = Golden.copyContent("basic", dir.resolve("content"));
        templates = dir.resolve("templates");
        request = new BuildRequest(content, templates, dir.resolve("out"), true, false, PrintOptions.DEFAULT, Overrides.NONE, null);
    }

    private static Map<String, byte[]> site(Hearth hearth, BuildRequest request) {
        Map<String, byte[]> files = new TreeMap<>();
        for (OutputFile f : hearth.render(request).files()) {
            files.put(f.path().substring("site/".length()), f.bytes());
        }
        return files;
    }

    private static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Everything each page and stylesheet loads, as paths inside the site. */
    private static Map<String, List<String>> references(Map<String, byte[]> site) {
        Map<String, List<String>> refs = new LinkedHashMap<>();
        site.forEach((path, bytes) -> {
            List<String> out = new ArrayList<>();
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (path.endsWith(".html")) {
                Document doc = Jsoup.parse(text);
                for (Element el : doc.select("script[src], link[href]")) {
                    String ref = el.hasAttr("src") ? el.attr("src") : el.attr("href");
                    // An inline data: address (the 404 page's empty icon) is no file to fingerprint.
                    if (!ref.startsWith("data:")) {
                        out.add(ref);
                    }
                }
            } else if (path.endsWith(".css")) {
                String base = path.substring(0, path.lastIndexOf('/') + 1);
                Matcher m = CSS_URL.matcher(text);
                while (m.find()) {
                    if (!m.group(1).startsWith("data:")) {
                        out.add(base + m.group(1).replaceAll("[?#].*", ""));
                    }
                }
            }
            if (!out.isEmpty()) {
                refs.put(path, out);
            }
        });
        return refs;
    }

    @Test
    void everyPageAndStylesheetReferencesOnlyFingerprintedAssetsThatExist() {
        Map<String, byte[]> site = site(new Hearth(dir), request);
        Map<String, List<String>> refs = references(site);
        assertTrue(refs.keySet().stream().filter(p -> p.endsWith(".html")).count() >= 6, refs.keySet().toString());
        assertTrue(refs.keySet().stream().anyMatch(p -> p.endsWith(".css")), "the stylesheet loads the fonts");
        List<String> bad = new ArrayList<>();
        refs.forEach((page, list) -> {
            for (String ref : list) {
                String name = ref.substring(ref.lastIndexOf('/') + 1);
                byte[] target = site.get(ref);
                // The search index is named by a SHA-256 over its parts' SHA-256s (see
                // theSearchIndexIsNamedForItsContent), every other asset by the SHA-256 of its bytes.
                if (!AssetManifest.FINGERPRINTED.matcher(name).matches() || target == null
                        || !name.startsWith("search-index.") && !name.contains("." + hash(target) + ".")) {
                    bad.add(page + " -> " + ref);
                }
            }
        });
        assertEquals(List.of(), bad);
        for (String kind : List.of("css", "js", "woff2", "svg")) {
            assertTrue(refs.values().stream().flatMap(List::stream).anyMatch(r -> r.endsWith("." + kind)), kind + " is referenced");
        }
        assertTrue(refs.values().stream().flatMap(List::stream).anyMatch(r -> r.startsWith("assets/search-index.")),
                "the search index is referenced by its hashed name");
        for (String path : site.keySet()) {
            if (path.startsWith("assets/")) {
                assertTrue(AssetManifest.FINGERPRINTED.matcher(path.substring(path.lastIndexOf('/') + 1)).matches(), path);
            }
        }
    }

    @Test
    void theManifestListsEveryAssetForAServiceWorker() {
        Map<String, byte[]> site = site(new Hearth(dir), request);
        String json = new String(site.get("asset-manifest.json"), StandardCharsets.UTF_8);
        List<String> assets = site.keySet().stream().filter(p -> p.startsWith("assets/")).toList();
        assertFalse(assets.isEmpty());
        for (String a : assets) {
            assertTrue(json.contains("\"" + a + "\""), a + " is not in the manifest: " + json);
        }
        assertTrue(json.contains("\"site.css\": \"assets/site."), json);
    }

    @Test
    void aTemplateCanListEveryAssetAndNamingAnUnknownOneFailsAtItsPlace() throws IOException {
        Path page = templates.resolve("site/404.ftlh");
        Files.createDirectories(page.getParent());
        Files.writeString(page, "<#import \"layout.ftlh\" as l>\n<@l.page title=\"Gone\"><ul><#list assetUrls as u><li>${u}</li></#list></ul></@l.page>\n");
        Map<String, byte[]> site = site(new Hearth(dir), request);
        String html = new String(site.get("404.html"), StandardCharsets.UTF_8);
        for (String path : site.keySet()) {
            if (path.startsWith("assets/")) {
                assertTrue(html.contains("<li>" + path + "</li>"), path);
            }
        }
        Files.writeString(page, "<#import \"layout.ftlh\" as l>\n<@l.page title=\"Gone\">${asset(\"nope.css\")}</@l.page>\n");
        org.hearth.diag.BuildFailure f = org.junit.jupiter.api.Assertions.assertThrows(org.hearth.diag.BuildFailure.class,
                () -> site(new Hearth(dir), request));
        String message = f.diagnostics().get(0).format();
        assertTrue(message.contains("templates/site/404.ftlh:2:") && message.contains("there is no asset 'nope.css'"), message);
    }

    @Test
    void aCssChangeRenamesOnlyTheCss() throws IOException {
        Hearth hearth = new Hearth(dir);
        Map<String, byte[]> before = site(hearth, request);
        Path css = templates.resolve("site/assets/site.css");
        Files.createDirectories(css.getParent());
        Files.writeString(css, Files.readString(ROOT.resolve("templates/site/assets/site.css")) + "\n.extra { color: red; }\n");
        Map<String, byte[]> after = site(hearth, request);

        List<String> cssBefore = before.keySet().stream().filter(p -> p.endsWith(".css")).toList();
        List<String> cssAfter = after.keySet().stream().filter(p -> p.endsWith(".css")).toList();
        assertEquals(1, cssBefore.size());
        assertEquals(1, cssAfter.size());
        assertNotEquals(cssBefore, cssAfter, "the changed stylesheet has a new name");
        List<String> otherBefore = before.keySet().stream().filter(p -> p.startsWith("assets/") && !p.endsWith(".css")).toList();
        List<String> otherAfter = after.keySet().stream().filter(p -> p.startsWith("assets/") && !p.endsWith(".css")).toList();
        assertEquals(otherBefore, otherAfter, "unchanged assets keep their names");
        String home = new String(after.get("index.html"), StandardCharsets.UTF_8);
        assertTrue(home.contains(cssAfter.get(0)) && !home.contains(cssBefore.get(0)), "pages load the new stylesheet");
        // The same result as a build with nothing remembered.
        assertEquals(site(new Hearth(dir), request).keySet(), after.keySet());
    }

    @Test
    void theSearchIndexIsNamedForItsContent() throws IOException {
        // Its name comes from its parts' digests, not from hashing it whole: it must still change
        // with any edit to what it holds, come back with the content, and match a fresh build.
        Hearth hearth = new Hearth(dir).withCache(new org.hearth.BuildCache());
        Path exercise;
        try (var files = Files.list(dir.resolve("content/exercises"))) {
            exercise = files.sorted().findFirst().orElseThrow();
        }
        String original = Files.readString(exercise);
        String first = searchIndex(site(hearth, request));
        Files.writeString(exercise, original + "\nA sentence the search finds.\n");
        Map<String, byte[]> edited = site(hearth, request);
        String second = searchIndex(edited);
        assertNotEquals(first, second, "an edited body renames the search index");
        assertTrue(new String(edited.get(second), StandardCharsets.UTF_8).contains("A sentence the search finds."));
        assertEquals(second, searchIndex(site(new Hearth(dir), request)), "a fresh build names it the same");
        Files.writeString(exercise, original + "\nA sentence the search finds!\n");
        assertNotEquals(second, searchIndex(site(hearth, request)), "so does one changed character");
        Files.writeString(exercise, original);
        assertEquals(first, searchIndex(site(hearth, request)), "the same content, the same name");
    }

    private static String searchIndex(Map<String, byte[]> site) {
        List<String> names = site.keySet().stream().filter(p -> p.startsWith("assets/search-index.")).toList();
        assertEquals(1, names.size(), names.toString());
        return names.get(0);
    }
}
