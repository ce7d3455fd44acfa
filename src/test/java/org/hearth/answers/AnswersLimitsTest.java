package org.hearth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile answers files: sizes no person writes (a field of two million characters, tens of
 * thousands of fields) are refused quickly while the file is read, at the field's name and page or
 * the JSON's line and column, with exit 1 and nothing written; a person's real answers (several
 * thousand-word answers) still pass.
 */
class AnswersLimitsTest {

    @TempDir
    Path out;

    private Path filled() {
        return AnswersFiles.filled(out.resolve("filled"));
    }

    private AnswersFiles.Run exportAndBuild(Path answers) {
        AnswersFiles.Run export = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> AnswersFiles.hearth("answers", "export", "--content",
                AnswersFiles.content().toString(), answers.toString(), "-o", out.resolve("back.json").toString()));
        assertEquals(1, export.code(), export.err());
        assertFalse(Files.exists(out.resolve("back.json")), "nothing is written");
        AnswersFiles.Run build = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> AnswersFiles.hearth("build", "--content",
                AnswersFiles.content().toString(), "--out", out.resolve("keepsake").toString(), "--answers", answers.toString()));
        assertEquals(1, build.code(), build.err());
        assertFalse(Files.exists(out.resolve("keepsake")), "nothing is written");
        assertEquals(export.err().lines().filter(l -> l.contains("error:")).toList(),
                build.err().lines().filter(l -> l.contains("error:")).toList(), "both commands say the same");
        return build;
    }

    @Test
    void aFieldOfTwoMillionCharactersInAFilledPdfIsRefusedAtItsFieldAndPage() throws IOException {
        Path pdf = filled();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDField f = doc.getDocumentCatalog().getAcroForm().getField("first--letter-one-1");
            f.getCOSObject().setItem(COSName.V, new COSString("a".repeat(2_000_000)));
            doc.save(pdf.toFile());
        }
        AnswersFiles.Run r = exportAndBuild(pdf);
        assertTrue(r.err().matches("(?s).*error: the form field first--letter-one-1 on page \\d+ holds 2,000,000 characters; "
                + "an answer has at most 100,000.*"), r.err());
        assertTrue(r.err().contains("hint: "), r.err());
    }

    @Test
    void aRuledAnswerSpreadOverManyFieldsIsCappedAsAWhole() throws IOException {
        Path pdf = filled();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var form = doc.getDocumentCatalog().getAcroForm();
            int n = 0;
            for (PDField f : form.getFieldTree()) {
                if (f.getFullyQualifiedName().matches("first--letter-one-\\d+")) {
                    f.getCOSObject().setItem(COSName.V, new COSString("b".repeat(60_000)));
                    n++;
                }
            }
            assertTrue(n >= 2, "the letter has several ruled lines: " + n);
            doc.save(pdf.toFile());
        }
        AnswersFiles.Run r = exportAndBuild(pdf);
        assertTrue(r.err().matches("(?s).*error: the form fields first--letter-one-1 to first--letter-one-\\d+ \\(from page \\d+\\) hold more than 100,000 characters "
                + "for one answer.*"), r.err());
    }

    @Test
    void tensOfThousandsOfFieldsAreRefusedBeforeTheirValuesAreRead() throws IOException {
        Path pdf = filled();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            var form = doc.getDocumentCatalog().getAcroForm();
            PDPage page = doc.getPage(0);
            COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
            if (annots == null) {
                annots = new COSArray();
                page.getCOSObject().setItem(COSName.ANNOTS, annots);
            }
            COSArray fields = form.getCOSObject().getCOSArray(COSName.FIELDS);
            for (int i = 0; i < AnswersReader.MAX_ANSWERS + 1; i++) {
                COSDictionary w = new COSDictionary();
                w.setItem(COSName.TYPE, COSName.ANNOT);
                w.setItem(COSName.SUBTYPE, COSName.WIDGET);
                w.setItem(COSName.FT, COSName.TX);
                w.setString(COSName.T, "extra-" + i);
                w.setItem(COSName.RECT, new org.apache.pdfbox.pdmodel.common.PDRectangle(0, 0, 1, 1).getCOSArray());
                w.setItem(COSName.P, page.getCOSObject());
                annots.add(w);
                fields.add(w);
            }
            doc.save(pdf.toFile());
        }
        AnswersFiles.Run r = exportAndBuild(pdf);
        assertTrue(r.err().contains("error: the PDF has more than 20,000 form fields; a Hearth workbook has far fewer"), r.err());
    }

    @Test
    void aForeignFieldNamedWithBidiOverridesIsQuotedSafely() throws IOException {
        Path pdf = filled();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDField f = doc.getDocumentCatalog().getAcroForm().getField("first--draw-one");
            f.getCOSObject().setString(COSName.T, "evil\u202Eeno-ward\u0007");
            doc.save(pdf.toFile());
        }
        AnswersFiles.Run r = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(), pdf.toString(),
                "-o", out.resolve("back.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("left out: evil\\u{202E}eno-ward\\u{7}"), r.err());
        assertFalse(r.err().chars().anyMatch(c -> c == 0x202E || c == 7), r.err());
    }

    @Test
    void aFilledPdfsTimesOutside1970To9999AreNotTaken() throws IOException {
        Path pdf = filled();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDField f = doc.getDocumentCatalog().getAcroForm().getField("first--draw-one");
            for (var w : f.getWidgets()) {
                w.getCOSObject().setString(COSName.M, "D:00010101000000Z");
                w.getCOSObject().removeItem(COSName.getPDFName("HearthUpdated"));
            }
            f.getCOSObject().setString(COSName.M, "D:00010101000000Z");
            f.getCOSObject().removeItem(COSName.getPDFName("HearthUpdated"));
            doc.getDocumentInformation().getCOSObject().setString(COSName.MOD_DATE, "D:00010101000000Z");
            doc.save(pdf.toFile());
        }
        AnswersFiles.Run r = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(), pdf.toString(),
                "-o", out.resolve("back.json").toString());
        assertEquals(0, r.code(), r.err());
        var back = new AnswersReader().read(Files.readAllBytes(out.resolve("back.json")), "back.json").answers();
        int year = back.get("first--draw-one").updatedAt().atZone(java.time.ZoneOffset.UTC).getYear();
        assertTrue(year >= 1970 && year <= 9999, "the year " + year);
    }

    @Test
    void aTwoMillionCharacterAnswerInJsonIsRefusedAtItsLineAndColumn() throws IOException {
        Path json = out.resolve("huge.json");
        Files.writeString(json, """
                {"format": "hearth-answers", "version": 1, "workbook": {"id": "a-small-book", "title": "A Small Book"},
                 "exportedAt": "2026-12-02T14:02:11.000Z",
                 "answers": {"first--letter-one": {"value": "%s", "updatedAt": "2026-12-01T09:12:00.000Z"}}}
                """.formatted("a".repeat(2_000_000)), StandardCharsets.UTF_8);
        AnswersFiles.Run r = exportAndBuild(json);
        assertTrue(r.err().contains(json + ":3:45: error: a text in the answers file is longer than 100,000 characters"), r.err());
    }

    @Test
    void jsonNestedDeeperThanAnExportIsRefusedAtItsPosition() throws IOException {
        Path json = out.resolve("deep.json");
        Files.writeString(json, """
                {"format": "hearth-answers", "version": 1, "workbook": {"id": "a-small-book", "title": "A Small Book"},
                 "exportedAt": "2026-12-02T14:02:11.000Z",
                 "answers": {"first--letter-one": {"value": %s1%s, "updatedAt": "2026-12-01T09:12:00.000Z"}}}
                """.formatted("[".repeat(100_000), "]".repeat(100_000)), StandardCharsets.UTF_8);
        AnswersFiles.Run r = exportAndBuild(json);
        assertTrue(r.err().matches("(?s).*deep\\.json:3:\\d+: error: the answers file nests deeper than 8 levels; an export nests four.*"), r.err());
    }

    @Test
    void anEncryptedPdfIsSaidToBeEncryptedNotACrash() throws IOException {
        Path pdf = out.resolve("locked.pdf");
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.protect(new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "secret",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission()));
            doc.save(pdf.toFile());
        }
        AnswersFiles.Run r = exportAndBuild(pdf);
        assertTrue(r.err().contains("error: the answers file is an encrypted PDF, which Hearth does not read"), r.err());
        assertTrue(r.err().contains("hint: open it in your PDF viewer and save a copy without a password or encryption"), r.err());
    }

    @Test
    void aCoverNameOfAThousandCharactersIsRefusedAtItsField() throws IOException {
        Path pdf = filled();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            doc.getDocumentCatalog().getAcroForm().getField("cover-name").getCOSObject().setItem(COSName.V, new COSString("N".repeat(1_000)));
            doc.save(pdf.toFile());
        }
        AnswersFiles.Run r = exportAndBuild(pdf);
        assertTrue(r.err().matches("(?s).*error: the form field cover-name on page \\d+ \\(the name on the cover\\) holds 1,000 characters; "
                + "a name has at most 300.*"), r.err());
    }

    @Test
    void aFieldNameMadeToBacktrackIsReportedQuicklyAsForeign() throws IOException {
        Path pdf = filled();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            doc.getDocumentCatalog().getAcroForm().getField("first--draw-one").getCOSObject().setString(COSName.T, "a--".repeat(100_000));
            doc.save(pdf.toFile());
        }
        AnswersFiles.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> AnswersFiles.hearth("answers", "export", "--content",
                AnswersFiles.content().toString(), pdf.toString(), "-o", out.resolve("back.json").toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: 1 form field does not belong to this workbook and is left out: " + "a--".repeat(26) + "a-…"), r.err());
    }

    @Test
    void aDeviceThatNeverEndsIsNotReadAsAnAnswersFile() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
        AnswersFiles.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> AnswersFiles.hearth("answers", "export", "--content",
                AnswersFiles.content().toString(), "/dev/zero", "-o", out.resolve("back.json").toString()));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("/dev/zero: error: the answers file is not a file but a folder, device or pipe"), r.err());
    }

    @Test
    void severalThousandWordAnswersStillMakeAKeepsake() throws IOException {
        String text = String.join(" ", KeepsakeTest.longAnswer());
        List<String> answers = new ArrayList<>();
        for (String id : List.of("first--letter-one", "first--notice-one", "first--mirror-one", "first--draw-one", "first-space-1")) {
            answers.add("\"" + id + "\": {\"value\": \"" + text + "\", \"updatedAt\": \"2026-12-01T09:12:00.000Z\"}");
        }
        Path json = out.resolve("long.json");
        Files.writeString(json, """
                {"format": "hearth-answers", "version": 1, "workbook": {"id": "a-small-book", "title": "A Small Book"},
                 "exportedAt": "2026-12-02T14:02:11.000Z", "answers": {%s}}
                """.formatted(String.join(",\n", answers)), StandardCharsets.UTF_8);
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.resolve("k").toString(),
                "--fillable", "--answers", json.toString());
        assertEquals(0, r.code(), r.err());
        AnswersFiles.Run back = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(),
                out.resolve("k").resolve(AnswersOptions.FILLED).toString(), "-o", out.resolve("back.json").toString());
        assertEquals(0, back.code(), back.err());
        var read = new AnswersReader().read(Files.readAllBytes(out.resolve("back.json")), "back.json").answers();
        assertEquals(5, read.values().stream().filter(a -> a.text().equals(text)).count());
    }
}
