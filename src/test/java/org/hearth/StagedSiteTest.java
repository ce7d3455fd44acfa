package org.hearth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hearth.diag.BuildFailure;
import org.hearth.render.OutputFile;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build writes the site's pages into its staging folder while it renders them, so a large site
 * is never held in memory whole: the folder it commits is still exactly the site rendered in
 * memory, and a build that fails, or is stopped, after pages were staged leaves the output folder
 * as it was and no staging folder behind. (Several cases came from a review of the change.)
 */
class StagedSiteTest {

    @TempDir
    Path dir;

    private BuildRequest request(Path content, boolean site, boolean pdf, String language) {
        return new BuildRequest(content, dir.resolve("templates"), dir.resolve("out"), site, pdf, PrintOptions.DEFAULT,
                Overrides.NONE.withLanguage(language), java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }

    private BuildRequest siteRequest(String fixture) {
        return request(Golden.copyContent(fixture, dir.resolve("content")), true, false, null);
    }

    private Map<String, byte[]> out() throws IOException {
        return EndToEndTest.snapshot(dir.resolve("out"));
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path template(String name, String text) throws IOException {
        Path file = dir.resolve("templates/site/" + name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static void assertSame(Map<String, byte[]> expected, Map<String, byte[]> actual, String prefix) {
        expected.forEach((path, bytes) -> {
            if (path.startsWith(prefix)) {
                assertArrayEquals(bytes, actual.get(path), path);
            }
        });
    }

    /** Every file {@code request} renders in memory is in the output folder, with the same bytes where it starts with {@code prefix}. */
    private void assertCommittedIsRendered(BuildRequest request, String prefix) throws IOException {
        Map<String, byte[]> written = out();
        Map<String, byte[]> rendered = new TreeMap<>();
        for (OutputFile f : new Hearth(dir).render(request).files()) {
            rendered.put(f.path(), f.bytes());
        }
        assertTrue(written.keySet().containsAll(rendered.keySet()), rendered.keySet() + " in " + written.keySet());
        assertSame(rendered, written, prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "site-bilingual"})
    void theCommittedSiteIsTheSiteRenderedInMemory(String fixture) throws IOException {
        BuildRequest request = siteRequest(fixture);
        new Hearth(dir).build(request);
        Map<String, byte[]> written = out();
        written.remove(org.hearth.output.OutputWriter.MARKER);
        Map<String, byte[]> rendered = new TreeMap<>();
        for (OutputFile f : new Hearth(dir).render(request).files()) {
            rendered.put(f.path(), f.bytes());
        }
        assertEquals(rendered.keySet(), written.keySet());
        assertSame(rendered, written, "");
    }

    @Test
    void everyKindOfBuildCommitsWhatItRenders() throws IOException {
        Path content = Golden.copyContent("site-bilingual", dir.resolve("content"));
        BuildRequest all = request(content, true, true, null);
        new Hearth(dir).build(all);
        assertCommittedIsRendered(all, "site/");
        Map<String, byte[]> full = out();
        new Hearth(dir).build(all); // into the folder the last build wrote
        assertEquals(full.keySet(), out().keySet());
        assertSame(full, out(), "site/");
        new Hearth(dir).build(request(content, false, true, null));
        Map<String, byte[]> afterPdf = out();
        assertEquals(full.keySet(), afterPdf.keySet());
        assertSame(full, afterPdf, "site/"); // --only pdf keeps the site
        BuildRequest siteOnly = request(content, true, false, null);
        new Hearth(dir).build(siteOnly);
        Map<String, byte[]> afterSite = out();
        assertEquals(full.keySet(), afterSite.keySet());
        afterPdf.forEach((path, bytes) -> {
            if (path.endsWith(".pdf")) {
                assertArrayEquals(bytes, afterSite.get(path), "--only site keeps " + path);
            }
        });
        assertCommittedIsRendered(siteOnly, "site/");
        BuildRequest spanish = request(content, true, false, "es");
        new Hearth(dir).build(spanish);
        assertCommittedIsRendered(spanish, "site/");
    }

    @Test
    void aBuildThatFailsAfterPagesWereStagedLeavesTheOutputAsItWas() throws IOException {
        BuildRequest request = siteRequest("basic");
        new Hearth(dir).build(request);
        Map<String, byte[]> before = out();
        // The 404 page is rendered after every entry's page, which are staged by then.
        template("404.ftlh", "<#import \"layout.ftlh\" as l>\n<@l.page title=\"Gone\">${asset(\"nope.css\")}</@l.page>\n");
        BuildFailure f = assertThrows(BuildFailure.class, () -> new Hearth(dir).build(request));
        assertTrue(f.diagnostics().get(0).format().contains("templates/site/404.ftlh:2:"), f.diagnostics().get(0).format());
        assertEquals(before.keySet(), out().keySet());
        assertSame(before, out(), "");
        assertEquals(List.of("content", "out", "templates"), siblings(), "no staging folder is left behind");
    }

    @Test
    void aLibraryPageFinishedAfterAFailedBuildLeavesNoStagingFolder() throws Exception {
        BuildRequest request = siteRequest("basic");
        template("entry.ftlh", "${noSuchVariable}\n");
        // The prompt library renders on another thread, slowly (a very large book's takes seconds):
        // it arrives after the build failed on the entries and removed its staging folder.
        template("library.ftlh", "<#list 1..30000000 as i></#list>library\n");
        assertThrows(BuildFailure.class, () -> new Hearth(dir).build(request));
        ForkJoinPool.commonPool().awaitQuiescence(60, TimeUnit.SECONDS);
        assertEquals(List.of("content", "templates"), siblings(), "no staging folder is left behind");
    }

    @Test
    void aBuildStoppedWhilePagesAreStagedLeavesNoStagingFolder() throws Exception {
        BuildRequest request = siteRequest("basic");
        template("library.ftlh", "<#list 1..1000 as i><#list 1..1000000 as j></#list></#list>library\n"); // minutes
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.hearth.cli.Main", "build",
                "--only", "site", "-q", "--content", request.contentDir().toString(), "--templates", dir.resolve("templates").toString(),
                "--out", dir.resolve("out").toString()).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (siblings().stream().noneMatch(n -> n.startsWith(".out.staging-")) && System.nanoTime() < end) {
                assertTrue(p.isAlive(), () -> "the build ended early: " + output(p));
                Thread.sleep(20);
            }
            Path staging = dir.resolve(siblings().stream().filter(n -> n.startsWith(".out.staging-")).findFirst().orElseThrow());
            end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(staging.resolve("site/index.html")) && System.nanoTime() < end) {
                Thread.sleep(20); // the home page is staged before the library is waited for
            }
            assertTrue(Files.exists(staging.resolve("site/index.html")), "pages are staged while the library renders");
            p.destroy(); // SIGTERM, as Ctrl-C or a CI timeout stops a build
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of("content", "templates"), siblings(), "no staging folder is left behind");
    }

    private static String output(Process p) {
        try {
            return new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aHearthWithACacheBuildsAndRendersTheSameSiteAgain() throws IOException {
        BuildRequest request = siteRequest("basic");
        Hearth hearth = new Hearth(dir).withCache(new BuildCache());
        hearth.build(request);
        Map<String, byte[]> first = out();
        // Its memo keeps the pages of the first build, whose staging folder has since become the output.
        hearth.build(request);
        assertEquals(first.keySet(), out().keySet());
        assertSame(first, out(), "");
        for (OutputFile f : hearth.render(request).files()) {
            assertArrayEquals(first.get(f.path()), f.bytes(), f.path());
        }
    }

    @Test
    void templateErrorsAreReportedBeforeAnOutputFolderThatCannotBeMade() throws IOException {
        Path content = Golden.copyContent("basic", dir.resolve("content"));
        template("entry.ftlh", "${noSuchVariable}\n");
        Files.writeString(dir.resolve("blocker"), "a file where the output's parent folder would be");
        BuildRequest request = new BuildRequest(content, dir.resolve("templates"), dir.resolve("blocker/out"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE, java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThrows(BuildFailure.class, () -> new Hearth(dir).build(request));
        template("entry.ftlh", Files.readString(Path.of(System.getProperty("hearth.project.root", ".")).resolve("templates/site/entry.ftlh")));
        assertThrows(IOException.class, () -> new Hearth(dir).build(request), "with good templates, the folder is what fails");
    }
}
