package org.hearth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hearth.diag.BuildFailure;
import org.hearth.render.OutputFile;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build writes the site's pages into its staging folder while it renders them, so a large site
 * is never held in memory whole: the folder it commits is still exactly the site rendered in
 * memory, and a build that fails after pages were staged leaves the output folder as it was.
 */
class StagedSiteTest {

    @TempDir
    Path dir;

    private BuildRequest request(Path content) {
        return new BuildRequest(content, dir.resolve("templates"), dir.resolve("out"), true, false, PrintOptions.DEFAULT,
                Overrides.NONE, java.time.Instant.parse("2026-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "site-bilingual"})
    void theCommittedSiteIsTheSiteRenderedInMemory(String fixture) throws IOException {
        BuildRequest request = request(Golden.copyContent(fixture, dir.resolve("content")));
        new Hearth(dir).build(request);
        Map<String, byte[]> written = EndToEndTest.snapshot(dir.resolve("out"));
        written.remove(org.hearth.output.OutputWriter.MARKER);
        Map<String, byte[]> rendered = new TreeMap<>();
        for (OutputFile f : new Hearth(dir).render(request).files()) {
            rendered.put(f.path(), f.bytes());
        }
        assertEquals(rendered.keySet(), written.keySet());
        rendered.forEach((path, bytes) -> assertArrayEquals(bytes, written.get(path), path));
    }

    @Test
    void aBuildThatFailsAfterPagesWereStagedLeavesTheOutputAsItWas() throws IOException {
        BuildRequest request = request(Golden.copyContent("basic", dir.resolve("content")));
        new Hearth(dir).build(request);
        Map<String, byte[]> before = EndToEndTest.snapshot(dir.resolve("out"));
        // The 404 page is rendered after every entry's page, which are staged by then.
        Path page = dir.resolve("templates/site/404.ftlh");
        Files.createDirectories(page.getParent());
        Files.writeString(page, "<#import \"layout.ftlh\" as l>\n<@l.page title=\"Gone\">${asset(\"nope.css\")}</@l.page>\n");
        BuildFailure f = assertThrows(BuildFailure.class, () -> new Hearth(dir).build(request));
        assertTrue(f.diagnostics().get(0).format().contains("templates/site/404.ftlh:2:"), f.diagnostics().get(0).format());
        Map<String, byte[]> after = EndToEndTest.snapshot(dir.resolve("out"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, bytes) -> assertArrayEquals(bytes, after.get(path), path));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(java.util.List.of("content", "out", "templates"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left behind");
        }
    }
}
