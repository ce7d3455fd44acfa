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
import org.hearth.render.pdf.PrintOptions;
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
    void aPlanGetsOneDatedPageADayInThePdfAndADayByDayPageOnTheSite() throws IOException {
        Path project = tmp.resolve("planned");
        Path content = project.resolve("content");
        Golden.copyContent("basic", content);
        Files.writeString(content.resolve("workbook.yml"), Files.readString(content.resolve("workbook.yml"))
                + "plan: {days: 5, start: 2026-12-01}\n");
        Path out = project.resolve("output");
        new Hearth(project).build(new BuildRequest(content, null, out));
        try (PDDocument pdf = Loader.loadPDF(out.resolve("workbook.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            int dayPages = 0;
            StringBuilder seen = new StringBuilder();
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = stripper.getText(pdf);
                if (text.matches("(?s).*\\nDay \\d\\n.*")) {
                    dayPages++;
                    seen.append("\n--- p").append(i).append(": ").append(text, 0, Math.min(200, text.length()));
                }
            }
            assertTrue(dayPages == 5, "pages with a day heading: " + dayPages + seen);
            assertTrue(new PDFTextStripper().getText(pdf).contains("Saturday 5 December 2026"));
        }
        String plan = Files.readString(out.resolve("site/plan.html"));
        assertTrue(plan.contains("id=\"day-5\"") && !plan.contains("id=\"day-6\""), "five days on the site");
        assertTrue(Files.readString(out.resolve("site/index.html")).contains("href=\"plan.html\""), "home links to the plan");
    }

    @Test
    void facilitatorEditionShowsThem() throws IOException {
        String[] facilitator = build(Edition.FACILITATOR);
        assertTrue(facilitator[0].contains(NOTE), "site");
        assertTrue(facilitator[1].contains(NOTE), "pdf");
    }
}
