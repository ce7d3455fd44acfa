package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Every generated page passes the Nu HTML Checker (run in-process, offline) with no errors. */
class HtmlValidityTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void everyPageIsValidHtml() throws Exception {
        Path content = tmp.resolve("content");
        org.hearth.testing.Golden.copyContent("basic", content);
        // The real workbook plus a copy of the fixture with a plan, so every page type is covered.
        Files.writeString(content.resolve("workbook.yml"), Files.readString(content.resolve("workbook.yml"))
                + "plan: {days: 3, start: 2026-12-01}\nperson: {name: Sam}\nbase_url: https://example.org/book/\n");
        List<Path> sites = new ArrayList<>();
        for (Path c : List.of(ROOT.resolve("content"), content)) {
            Path out = tmp.resolve("out-" + sites.size());
            new Hearth(ROOT).build(new BuildRequest(c, ROOT.resolve("templates"), out, true, false, PrintOptions.DEFAULT, Overrides.NONE, null));
            sites.add(out.resolve("site"));
        }
        List<String> errors = new ArrayList<>();
        int[] current = {0};
        String[] file = {""};
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(file[0] + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
        validator.setUpValidatorAndParsers(handler, false, false);
        for (Path site : sites) {
            try (Stream<Path> s = Files.walk(site)) {
                for (Path page : s.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                    file[0] = site.getParent().getFileName() + "/" + site.relativize(page);
                    validator.checkHtmlFile(page.toFile(), true);
                    current[0]++;
                }
            }
        }
        assertTrue(current[0] > 25, "pages checked: " + current[0]);
        assertEquals(List.of(), errors);
    }
}
