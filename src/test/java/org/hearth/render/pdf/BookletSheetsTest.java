package org.hearth.render.pdf;

import org.hearth.testing.PageGraphics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.model.PageSize;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folded booklet's sheets as a prepress engineer checks them, parsed with PDFBox: ruled Notes
 * pages (not blanks) pad it to whole sheets, the optional fold marks sit at the fold outside the
 * live area, and the creep allowance moves the inner sheets' pages towards the spine.
 */
class BookletSheetsTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    private static final float MM = 72 / 25.4f;

    @TempDir
    Path tmp;

    private int builds;

    /** The booklet of the basic fixture with {@code pdf} as workbook.yml's {@code pdf:} section. */
    private byte[] booklet(String pdf, boolean foldMarks) throws IOException {
        Path dir = tmp.resolve("b" + builds++);
        Path content = Golden.copyContent("basic", dir.resolve("content"));
        if (!pdf.isEmpty()) {
            Files.writeString(content.resolve("workbook.yml"), Files.readString(content.resolve("workbook.yml")) + "pdf: " + pdf + "\n");
        }
        Path out = dir.resolve("out");
        new Hearth(ROOT).build(new BuildRequest(content, ROOT.resolve("templates"), out, false, true,
                new PrintOptions(PageSize.A4, false, true, false, null, foldMarks), org.hearth.Overrides.NONE,
                Instant.ofEpochSecond(1_700_000_000L)));
        return Files.readAllBytes(out.resolve(PdfRenderer.BOOKLET));
    }

    /** The text of each of the book's pages (1-based, index 0 unused), read back from the sheets' halves. */
    private static List<String> pages(PDDocument booklet) throws IOException {
        int total = booklet.getNumberOfPages() * 2;
        List<int[]> order = Booklet.order(total);
        String[] text = new String[total + 1];
        for (int side = 0; side < booklet.getNumberOfPages(); side++) {
            PDPage sheet = booklet.getPage(side);
            float half = sheet.getMediaBox().getWidth() / 2;
            PDFTextStripperByArea area = new PDFTextStripperByArea();
            area.setSortByPosition(true);
            area.addRegion("left", new Rectangle2D.Float(0, 0, half, sheet.getMediaBox().getHeight()));
            area.addRegion("right", new Rectangle2D.Float(half, 0, half, sheet.getMediaBox().getHeight()));
            area.extractRegions(sheet);
            text[order.get(side)[0]] = area.getTextForRegion("left");
            text[order.get(side)[1]] = area.getTextForRegion("right");
        }
        return java.util.Arrays.asList(text);
    }

    @Test
    void paddingPagesAreRuledNotesPagesWithFolios() throws IOException {
        // Of two books one Notes page apart, at least one needs padding to a multiple of four pages.
        int padded = 0;
        for (int notes = 1; notes <= 2; notes++) {
            try (PDDocument booklet = Loader.loadPDF(booklet("{notes_pages: " + notes + "}", false))) {
                List<String> pages = pages(booklet);
                int total = pages.size() - 1;
                int first = 1;
                while (first <= total && !pages.get(first).strip().startsWith("Notes")) {
                    first++;
                }
                assertTrue(first <= total, "a Notes page in the booklet");
                int folio = -1;
                for (int p = first; p <= total; p++) {
                    String text = pages.get(p);
                    assertTrue(text.strip().startsWith("Notes"), "booklet page " + p + " of " + total + " is a Notes page, not a blank: '" + text + "'");
                    Matcher m = Pattern.compile("(?m)^\\s*(\\d+)\\s*$").matcher(text);
                    assertTrue(m.find(), "booklet page " + p + " has a folio: '" + text + "'");
                    int f = Integer.parseInt(m.group(1));
                    assertTrue(folio < 0 || f == folio + 1, "folios run on: " + folio + " then " + f);
                    folio = f;
                }
                padded += total - first + 1 - notes;
                // Every Notes page is ruled to its foot like the book's (a dozen rules at the least on A5).
                int side = 0;
                for (; side < booklet.getNumberOfPages(); side++) {
                    int[] s = Booklet.order(total).get(side);
                    if (s[0] == total || s[1] == total) {
                        break;
                    }
                }
                PDPage sheet = booklet.getPage(side);
                float width = sheet.getMediaBox().getWidth();
                boolean left = Booklet.order(total).get(side)[0] == total;
                long rules = PageGraphics.of(sheet).stream()
                        .filter(m -> m.bounds().getHeight() < 1.5 && m.bounds().getWidth() > width / 4
                                && (left ? m.bounds().getMaxX() <= width / 2 + 1 : m.bounds().getMinX() >= width / 2 - 1))
                        .count();
                assertTrue(rules >= 12, "the last page is ruled: " + rules + " rules");
            }
        }
        assertTrue(padded > 0, "padding was needed and made of Notes pages");
    }

    /** Vertical strokes at the fold of {@code sheet}. */
    private static List<PageGraphics.Shape> foldMarks(PDPage sheet) throws IOException {
        float fold = sheet.getMediaBox().getWidth() / 2;
        return PageGraphics.of(sheet).stream().filter(m -> m.stroked() && m.bounds().getWidth() < 0.5
                && Math.abs(m.bounds().getCenterX() - fold) < 0.5).toList();
    }

    @Test
    void foldMarksAreOffByDefaultAndSitAtTheFoldOutsideTheLiveArea() throws IOException {
        byte[] plain = booklet("", false);
        try (PDDocument pdf = Loader.loadPDF(plain)) {
            for (PDPage sheet : pdf.getPages()) {
                assertEquals(List.of(), foldMarks(sheet), "no fold marks unless asked for");
            }
        }
        for (byte[] marked : List.of(booklet("{fold_marks: true}", false), booklet("", true))) {
            try (PDDocument pdf = Loader.loadPDF(marked); PDDocument without = Loader.loadPDF(plain)) {
                assertEquals(new PDFTextStripper().getText(without), new PDFTextStripper().getText(pdf),
                        "the marks add nothing to the text layer");
                for (PDPage sheet : pdf.getPages()) {
                    float height = sheet.getMediaBox().getHeight();
                    List<PageGraphics.Shape> marks = foldMarks(sheet);
                    assertEquals(2, marks.size(), "one mark at the head and one at the foot of the fold: " + marks);
                    for (PageGraphics.Shape m : marks) {
                        assertEquals(0.25, m.lineWidth(), 0.01, "a hairline");
                        assertTrue(m.bounds().getHeight() >= 4 * MM, "long enough to see: " + m.bounds());
                        // The running head's baseline is 10 mm from the top and the folio's from the foot.
                        boolean head = m.bounds().getMinY() < 0.5;
                        boolean foot = m.bounds().getMaxY() > height - 0.5;
                        assertTrue(head || foot, "from the sheet's edge: " + m.bounds());
                        assertTrue(head ? m.bounds().getMaxY() <= 9 * MM : m.bounds().getMinY() >= height - 9 * MM,
                                "in the margin, short of the live area: " + m.bounds());
                        assertTrue(m.black(), "pure black, on one plate only");
                    }
                }
                assertTrue(pdf.getDocumentCatalog().getStructureTreeRoot() == null, "the booklet stays untagged");
            }
        }
        // The marks keep the booklet archival (DeviceGray is allowed beside the output intent).
        assertEquals(List.of(), VeraPdf.failures(booklet("{fold_marks: true, creep_mm: 2}", false),
                org.verapdf.pdfa.flavours.PDFAFlavour.PDFA_2_U));
    }

    /** The leftmost glyph of each half of side {@code index}, in points from the half's left edge. */
    private static float[] textStarts(PDDocument booklet, int index) throws IOException {
        float half = booklet.getPage(index).getMediaBox().getWidth() / 2;
        float[] start = {Float.MAX_VALUE, Float.MAX_VALUE};
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition t) {
                int i = t.getXDirAdj() < half ? 0 : 1;
                start[i] = Math.min(start[i], t.getXDirAdj() - i * half);
            }
        };
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.getText(booklet);
        return start;
    }

    @Test
    void creepMovesTheInnerSheetsPagesTowardsTheSpine() throws IOException {
        try (PDDocument flat = Loader.loadPDF(booklet("", false)); PDDocument crept = Loader.loadPDF(booklet("{creep_mm: 3}", false))) {
            int sides = flat.getNumberOfPages();
            assertTrue(sides >= 4, "at least two sheets: " + sides);
            assertEquals(sides, crept.getNumberOfPages());
            for (int side = 0; side < sides; side++) {
                int sheet = side / 2;
                double expected = 3 * MM * sheet / (sides / 2 - 1);
                float[] a = textStarts(flat, side);
                float[] b = textStarts(crept, side);
                // Both halves move towards the fold: the left page right, the right page left.
                assertEquals(expected, b[0] - a[0], 0.05, "sheet " + (sheet + 1) + " side " + side + ", left page");
                assertEquals(-expected, b[1] - a[1], 0.05, "sheet " + (sheet + 1) + " side " + side + ", right page");
            }
        }
    }
}
