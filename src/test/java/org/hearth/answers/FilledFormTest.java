package org.hearth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hearth build --fillable --answers} and {@code hearth answers export}: a fillable PDF filled
 * from answers shows them (appearance streams) and reads back to the same answers.
 */
class FilledFormTest {

    @TempDir
    Path out;

    private static Map<String, Answer> answersOf(Path json) throws IOException {
        return new AnswersReader().read(Files.readAllBytes(json), json.toString()).answers();
    }

    private Path fill(Path answers) {
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.toString(),
                "--fillable", "--answers", answers.toString());
        assertEquals(0, r.code(), r.err());
        return out.resolve(AnswersOptions.FILLED);
    }

    private Path export(Path pdf, String name) {
        Path json = out.resolve(name);
        AnswersFiles.Run r = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(), pdf.toString(),
                "-o", json.toString());
        assertEquals(0, r.code(), r.err());
        return json;
    }

    @Test
    void aFilledFillableShowsEveryAnswerAndExportsTheSameAnswers() throws IOException {
        Path source = AnswersFiles.root().resolve("answers.json");
        Path pdf = fill(source);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int filled = 0;
            for (PDField f : doc.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (f instanceof PDTextField t && t.getValue() != null && !t.getValue().isEmpty()) {
                    filled++;
                    for (PDAnnotationWidget w : t.getWidgets()) {
                        assertNotNull(w.getAppearance().getNormalAppearance(), t.getFullyQualifiedName() + " has its appearance");
                        assertNotNull(w.getCOSObject().getDictionaryObject(org.apache.pdfbox.cos.COSName.M), "each filled field carries its answer's time");
                    }
                }
            }
            assertTrue(filled >= 7, "filled text fields: " + filled);
            assertEquals("4", doc.getDocumentCatalog().getAcroForm().getField("first--rate-one").getValueAsString());
            assertEquals("Yes", doc.getDocumentCatalog().getAcroForm().getField("first--check-one-1").getValueAsString());
            // What paper has lines for, in the fields the model names: the Date line, the Other line, the
            // exercise's Notes space (added for the note even where the page had no room) and a Notes page.
            var form = doc.getDocumentCatalog().getAcroForm();
            assertEquals("Tuesday 3 May", form.getField("first-date").getValueAsString());
            assertEquals("Reading in bed", form.getField("first--check-one-other-1").getValueAsString());
            assertEquals("Come back to this after the weekend.", form.getField("first-notes-1").getValueAsString());
            assertEquals("On the back pages: a list of kind words.", form.getField("notes-1-1").getValueAsString());
        }
        Map<String, Answer> expected = new TreeMap<>(answersOf(source));
        expected.remove("gone--old-prompt");
        assertEquals(expected, answersOf(export(pdf, "back.json")));

        // --answers takes the filled PDF directly.
        Path keepsake = out.resolve("from-pdf");
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", keepsake.toString(),
                "--answers", pdf.toString());
        assertEquals(0, r.code(), r.err());
        KeepsakeTest.assertInOrder(String.join(" ", KeepsakeTest.pages(keepsake.resolve(AnswersOptions.KEEPSAKE))), KeepsakeTest.ANSWERS);
    }

    @Test
    void aWrittenDateKeepsItsFieldWhenTheThemeHasNoDateLine(@TempDir Path dir) throws IOException {
        Path theme = KeepsakeTest.themeWithoutDateLine(dir.resolve("theme"));
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--templates", theme.toString(),
                "--out", out.toString(), "--fillable", "--answers", AnswersFiles.root().resolve("answers.json").toString());
        assertEquals(0, r.code(), r.err());
        Path pdf = out.resolve(AnswersOptions.FILLED);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDField date = doc.getDocumentCatalog().getAcroForm().getField("first-date");
            assertNotNull(date, "the written date has its Date field");
            assertEquals("Tuesday 3 May", date.getValueAsString());
        }
        Path json = out.resolve("back.json");
        r = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(), "--templates", theme.toString(),
                pdf.toString(), "-o", json.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("Tuesday 3 May", answersOf(json).get("first-date").text(), "the date comes back to the site");

        // The theme's plain fillable edition keeps no Date line.
        Path plain = dir.resolve("plain");
        r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--templates", theme.toString(),
                "--out", plain.toString(), "--fillable", "--only", "pdf");
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(plain.resolve("workbook.pdf").toFile())) {
            assertEquals(null, doc.getDocumentCatalog().getAcroForm().getField("first-date"), "no Date field in the theme's own fillable");
        }
    }

    @Test
    void aThousandWordAnswerSurvivesTheRoundTripExactly(@TempDir Path dir) throws IOException {
        String text = String.join(" ", KeepsakeTest.longAnswer()) + "\n\nA last paragraph, after an empty line.";
        Path file = dir.resolve("long.json");
        Files.writeString(file, """
                {"format": "hearth-answers", "version": 1, "workbook": {"id": "a-small-book", "title": "A Small Book"},
                 "exportedAt": "2026-12-02T14:02:11.000Z",
                 "answers": {"first--letter-one": {"value": "%s", "updatedAt": "2026-12-01T09:12:00.000Z"}}}
                """.formatted(text.replace("\n", "\\n")), StandardCharsets.UTF_8);
        Map<String, Answer> back = answersOf(export(fill(file), "long-back.json"));
        assertEquals(text, back.get("first--letter-one").text());
    }

    @Test
    void fieldsThatAreNotThisWorkbooksAreReportedNotGuessed() throws IOException {
        Path pdf = fill(AnswersFiles.root().resolve("answers.json"));
        // The same book without the drawing prompt: its field is another selection's.
        Path json = out.resolve("other.json");
        AnswersFiles.Run r = AnswersFiles.hearth("answers", "export", "--content",
                org.hearth.testing.Golden.fixtures().resolve("basic/content").toString(), pdf.toString(), "-o", json.toString());
        assertEquals(0, r.code(), r.err());
        // The other selection has no drawing prompt and its checklist asks for no Other item: both fields are foreign.
        assertTrue(r.err().contains("warning: 2 form fields do not belong to this workbook and are left out: first--check-one-other-1, first--draw-one")
                || r.err().contains("warning: 2 form fields do not belong to this workbook and are left out: first--draw-one, first--check-one-other-1"), r.err());
        assertFalse(r.err().contains("not exported"), "the Date line and Notes are this workbook's too: " + r.err());
        Map<String, Answer> back = answersOf(json);
        assertTrue(!back.containsKey("first--draw-one") && back.containsKey("first--notice-one"), back.keySet().toString());
    }

    @Test
    void anExportNeverReplacesTheFilledPdfNorLeavesACopyBehind() throws IOException {
        Path pdf = fill(AnswersFiles.root().resolve("answers.json"));
        byte[] before = java.nio.file.Files.readAllBytes(pdf);
        AnswersFiles.Run same = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(), pdf.toString(),
                "-o", pdf.toString());
        assertEquals(1, same.code(), same.err());
        assertTrue(same.err().contains("-o names the filled PDF itself"), same.err());
        assertTrue(java.util.Arrays.equals(before, java.nio.file.Files.readAllBytes(pdf)), "the filled PDF is untouched");
        Path folder = java.nio.file.Files.createDirectories(out.resolve("a-folder"));
        AnswersFiles.Run dir = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(), pdf.toString(),
                "-o", folder.toString());
        assertEquals(1, dir.code(), dir.err());
        try (var left = java.nio.file.Files.list(out)) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith(".answers-")), "no hidden copy of the answers");
        }
    }

    @Test
    void aPdfWithoutHearthFieldsIsAClearError() throws IOException {
        AnswersFiles.Run built = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.toString(), "--only", "pdf");
        assertEquals(0, built.code(), built.err());
        AnswersFiles.Run r = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(),
                out.resolve("workbook.pdf").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("error: the PDF has no form fields, so it holds no typed answers"), r.err());
    }
}
