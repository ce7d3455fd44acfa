package org.hearth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture folders under {@code src/test/resources/fixtures/<case>/}: a {@code content/} folder
 * (and optionally {@code templates/}) plus {@code expected/}. Cases named {@code broken-*} must fail
 * with exactly the messages in {@code expected/errors.txt}; the others are built and each
 * {@code expected/*.html} is compared with the {@code <main>} region of the page of that name.
 */
class FixturesTest {

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> fixtures() throws IOException {
        List<Path> cases;
        try (Stream<Path> s = Files.list(Golden.fixtures())) {
            cases = s.filter(p -> Files.isDirectory(p.resolve("content")) && !p.getFileName().toString().startsWith("pdf-")
                    && !p.getFileName().toString().startsWith("site-") && !p.getFileName().toString().startsWith("select-"))
                    .sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no fixtures found in " + Golden.fixtures());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> run(dir)));
    }

    private void run(Path dir) throws IOException {
        Path out = tmp.resolve(dir.getFileName().toString()).resolve("output");
        BuildRequest request = new BuildRequest(dir.resolve("content"), dir.resolve("templates"), out, true, false,
                org.hearth.render.pdf.PrintOptions.DEFAULT, org.hearth.Overrides.NONE, null);
        Hearth hearth = new Hearth(dir);
        if (dir.getFileName().toString().startsWith("broken-")) {
            BuildFailure failure = assertThrows(BuildFailure.class, () -> hearth.build(request));
            Golden.assertMatches(dir.resolve("expected/errors.txt"), Diagnostics.formatNumbered(failure.diagnostics()));
            assertFalse(Files.exists(out), "a failed build must not create the output folder");
            return;
        }
        hearth.build(request);
        Path site = out.resolve("site");
        List<Path> expected;
        try (Stream<Path> s = Files.list(dir.resolve("expected"))) {
            expected = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        if (Golden.updating() && expected.isEmpty()) {
            try (Stream<Path> s = Files.list(site)) {
                expected = s.filter(p -> p.toString().endsWith(".html") && !p.getFileName().toString().equals("404.html"))
                        .map(p -> dir.resolve("expected").resolve(p.getFileName().toString())).sorted().toList();
            }
        }
        assertFalse(expected.isEmpty(), "fixture " + dir + " has no expected/*.html");
        for (Path file : expected) {
            Path page = site.resolve(file.getFileName().toString());
            assertTrue(Files.exists(page), "the build did not write " + page.getFileName());
            Golden.assertMatches(file, mainRegion(Files.readString(page, StandardCharsets.UTF_8)));
        }
    }

    /** The page's main element, pretty-printed, so layout changes outside it do not break fixtures. */
    static String mainRegion(String html) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(true).indentAmount(1);
        Element main = doc.selectFirst("main");
        return (main == null ? "<no main element>" : main.outerHtml()) + "\n";
    }
}
