package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.model.PageSize;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fillable edition's form fields and the folded booklet, on the small fixture workbook. */
class PdfEditionsTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    private Path build(PrintOptions print) throws IOException {
        Path out = tmp.resolve("out");
        new Hearth(ROOT).build(new BuildRequest(Golden.fixtures().resolve("basic/content"), ROOT.resolve("templates"), out,
                false, true, print, org.hearth.Overrides.NONE, Instant.ofEpochSecond(1_700_000_000L)));
        return out;
    }

    @Test
    void fillableEditionHasOneNamedPrintableFieldPerAnswer() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(build(new PrintOptions(null, true, false, false)).resolve("workbook.pdf").toFile())) {
            List<String> names = new ArrayList<>();
            List<String> notPrinted = new ArrayList<>();
            for (PDField field : pdf.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (field instanceof PDTerminalField terminal) {
                    names.add(field.getFullyQualifiedName() + ":" + kind(field));
                    terminal.getWidgets().stream().filter(w -> !w.isPrinted()).forEach(w -> notPrinted.add(field.getFullyQualifiedName()));
                }
            }
            assertEquals(List.of(), notPrinted, "every field prints with the page");
            assertEquals(new HashSet<>(names).size(), names.size(), "field names are unique: " + names);
            // One single-line field per printed rule (answer-1, answer-2 …), one per tick box, cell and rating.
            Set<String> expected = new HashSet<>(Set.of(
                    "cover-name:text", "first-date:text",
                    "first-tracker-1-date-0:text", "first-tracker-1-date-1:text",
                    "first-tracker-1-0-0:text", "first-tracker-1-0-1:text", "first-tracker-1-1-0:text", "first-tracker-1-1-1:text",
                    "first--check-one-0:check", "first--check-one-1:check",
                    "first--rate-one:radio"));
            // Copy-fitting grows a writing space that ends its page, and adds ruled Notes space under an
            // entry that would leave its page nearly empty: each space has at least the lines its source
            // asks for, numbered 1 to N without gaps.
            java.util.Map<String, Integer> least = java.util.Map.of("first-space-1", 3, "first--notice-one", 4,
                    "first--mirror-one", 3, "first--letter-one", 6, "notes-1", 22, "notes-2", 26);
            java.util.Map<String, java.util.TreeSet<Integer>> lines = new java.util.TreeMap<>();
            for (String n : names) {
                if (!expected.contains(n)) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+)-(\\d+):text").matcher(n);
                    assertTrue(m.matches(), "an unexpected field: " + n);
                    lines.computeIfAbsent(m.group(1), k -> new java.util.TreeSet<>()).add(Integer.parseInt(m.group(2)));
                }
            }
            assertTrue(names.containsAll(expected), "every tick box, cell and rating: " + names);
            least.forEach((space, n) -> assertTrue(lines.containsKey(space) && lines.get(space).size() >= n,
                    space + " has at least " + n + " lines: " + lines.get(space)));
            lines.forEach((space, numbers) -> {
                assertTrue(least.containsKey(space) || space.matches("notes-\\d+|[a-z0-9-]+-notes"), "a field of no writing space: " + space);
                assertEquals(numbers.size(), numbers.last(), space + "'s lines are numbered 1 to N: " + numbers);
            });
            PDRadioButton rating = (PDRadioButton) pdf.getDocumentCatalog().getAcroForm().getField("first--rate-one");
            assertEquals(Set.of("1", "2", "3", "4", "5"), rating.getOnValues());
            assertTrue(!((PDTextField) pdf.getDocumentCatalog().getAcroForm().getField("first--letter-one-1")).isMultiline(),
                    "a rule's field is single-line");
        }
    }

    @Test
    void printEditionHasNoFields() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(build(PrintOptions.DEFAULT).resolve("workbook.pdf").toFile())) {
            var form = pdf.getDocumentCatalog().getAcroForm();
            assertTrue(form == null || form.getFields().isEmpty());
        }
    }

    @Test
    void bookletImposesA5PagesOnA4InSaddleStitchOrder() throws IOException {
        Path out = build(new PrintOptions(PageSize.A4, false, true, false));
        try (PDDocument booklet = Loader.loadPDF(out.resolve(PdfRenderer.BOOKLET).toFile());
                PDDocument book = Loader.loadPDF(out.resolve("workbook.pdf").toFile())) {
            assertEquals(297 / 25.4 * 72, booklet.getPage(0).getMediaBox().getWidth(), 1.0, "A4 landscape");
            assertEquals(210 / 25.4 * 72, booklet.getPage(0).getMediaBox().getHeight(), 1.0);
            assertEquals(595.3, book.getPage(0).getMediaBox().getWidth(), 1.0, "the book itself stays A4");
            assertEquals(0, booklet.getNumberOfPages() % 2, "whole sheets");
            // The first side holds the last page on the left and the cover on the right.
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String front = stripper.getText(booklet);
            assertTrue(front.contains("A Small Book"), front);
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            assertTrue(stripper.getText(booklet).contains("Before you start"), "the inside cover follows on the back of the first sheet");
            // Printed double-sided and flipped on the short edge, at 100 %: the viewer's print dialog is set up for it.
            var prefs = booklet.getDocumentCatalog().getViewerPreferences();
            assertTrue(prefs != null, "no /ViewerPreferences");
            assertEquals("DuplexFlipShortEdge", prefs.getDuplex());
            assertEquals("None", prefs.getPrintScaling());
        }
        assertTrue(Files.exists(out.resolve("workbook.pdf")));
    }

    @Test
    void personalisedCoverNamesThePersonAndTheStartDate() throws IOException {
        Path content = tmp.resolve("content");
        Golden.copyContent("basic", content);
        Files.writeString(content.resolve("workbook.yml"), Files.readString(content.resolve("workbook.yml"))
                + "person:\n  name: Sam Rivera\n  start_date: 2026-12-01\n  dedication: For the child you were.\n");
        Path out = tmp.resolve("personal");
        new Hearth(ROOT).build(new BuildRequest(content, ROOT.resolve("templates"), out, false, true, PrintOptions.DEFAULT, org.hearth.Overrides.NONE, null));
        try (PDDocument pdf = Loader.loadPDF(out.resolve("workbook.pdf").toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(1);
            String cover = stripper.getText(pdf);
            assertTrue(cover.contains("For Sam Rivera"), cover);
            assertTrue(cover.contains("Started 2026-12-01"), cover);
            assertTrue(cover.contains("For the child you were."), cover);
        }
    }

    private static String kind(PDField f) {
        return f instanceof PDCheckBox ? "check" : f instanceof PDRadioButton ? "radio" : f instanceof PDTextField ? "text" : "other";
    }
}
