package org.hearth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.model.Edition;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facilitator notes appear only in the facilitator edition, in both outputs. */
class EditionTest {

    static final String NOTE = "Only facilitators see this.";

    @TempDir
    Path tmp;

    private String[] build(Edition edition) throws IOException {
        Path content = Golden.fixtures().resolve("basic/content");
        Path out = tmp.resolve(edition.label());
        new Hearth(content.getParent()).build(new BuildRequest(content, null, out, true, true, PrintOptions.DEFAULT,
                new Overrides(edition, null, java.util.List.of(), java.util.List.of()), null));
        String html = Files.readString(out.resolve("site/first.html"));
        try (PDDocument pdf = Loader.loadPDF(out.resolve("workbook.pdf").toFile())) {
            return new String[] {html, new PDFTextStripper().getText(pdf)};
        }
    }

    @Test
    void clientEditionNeverShowsFacilitatorNotes() throws IOException {
        String[] client = build(Edition.CLIENT);
        assertFalse(client[0].contains(NOTE), "site");
        assertFalse(client[0].contains("For facilitators"), "site");
        assertFalse(client[1].contains(NOTE), "pdf");
    }

    @Test
    void facilitatorEditionShowsThem() throws IOException {
        String[] facilitator = build(Edition.FACILITATOR);
        assertTrue(facilitator[0].contains(NOTE), "site");
        assertTrue(facilitator[1].contains(NOTE), "pdf");
    }
}
