package org.hearth.render.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Workbook;
import org.hearth.render.Templates;
import org.hearth.render.Theme;
import org.hearth.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden output of a Spanish exercise (fixture {@code site-bilingual}) in both outputs: the site
 * page's main region and the print XHTML of the exercise, cover and front matter. Update with
 * {@code -Dgolden.update=true}.
 */
class SpanishGoldenTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void spanishExerciseInTheSite() throws IOException {
        Path content = Golden.copyContent("site-bilingual", tmp.resolve("content"));
        new Hearth(tmp).build(new BuildRequest(content, ROOT.resolve("templates"), tmp.resolve("out"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE.withLanguage("es"), null));
        Document doc = Jsoup.parse(Files.readString(tmp.resolve("out/site/es/first.html"), StandardCharsets.UTF_8));
        doc.outputSettings().prettyPrint(true).indentAmount(1);
        String page = doc.select("header, main, footer").outerHtml() + "\n";
        Golden.assertMatches(Golden.fixtures().resolve("site-bilingual/expected/es-first.html"), page);
    }

    @Test
    void spanishExerciseInThePdf() {
        Path content = Golden.fixtures().resolve("site-bilingual/content");
        Workbook workbook = new Hearth(content.getParent()).prepare(new BuildRequest(content, null, ROOT.resolve("target/unused")),
                "es", new Diagnostics());
        Theme theme = Theme.load(ROOT.resolve("templates"));
        String xhtml = new PdfRenderer(new Templates(theme), theme).xhtml(workbook, true, false);
        Document doc = Jsoup.parse(xhtml, "", Parser.xmlParser());
        doc.outputSettings().prettyPrint(true).indentAmount(1);
        String print = doc.select("bookmarks, #book-cover, #before-you-start, #first, #plan-day-1, #notes").outerHtml() + "\n";
        Golden.assertMatches(Golden.fixtures().resolve("site-bilingual/expected/es-first.xhtml"), print);
    }
}
