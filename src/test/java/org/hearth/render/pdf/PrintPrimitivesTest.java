package org.hearth.render.pdf;

import java.nio.file.Path;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Workbook;
import org.hearth.render.Templates;
import org.hearth.render.Theme;
import org.hearth.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden XHTML for every print primitive (ruled lines, box, checklist, rating, letter, tracker,
 * writing space), in the print and the fillable edition. Update with {@code -Dgolden.update=true}.
 */
class PrintPrimitivesTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void primitivesRenderAsExpected(boolean fillable) {
        Path root = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
        Path content = Golden.fixtures().resolve("basic/content");
        Workbook workbook = new Hearth(content.getParent()).prepare(new BuildRequest(content, null, root.resolve("target/unused")),
                new Diagnostics());
        Theme theme = Theme.load(root.resolve("templates"));
        String xhtml = new PdfRenderer(new Templates(theme), theme).xhtml(workbook, fillable, false);
        Document doc = Jsoup.parse(xhtml, "", Parser.xmlParser());
        doc.outputSettings().prettyPrint(true).indentAmount(1);
        String primitives = doc.select("#first .body, #first .prompts, .cover-name-line").outerHtml() + "\n";
        Golden.assertMatches(Golden.fixtures().resolve("pdf-primitives/expected/" + (fillable ? "fillable" : "print") + ".xhtml"), primitives);
    }
}
