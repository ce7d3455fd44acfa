package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDVariableText;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.hearth.model.Edition;
import org.hearth.model.PageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The type of the print edition, read back from the PDF: kerning and ligatures in the text
 * operators, a book's measure in the body text, and a form font that can show what people type.
 */
class PrintTypeTest {

    /**
     * One text-showing operator: the text it shows, whether it positions glyphs, the font's name and
     * size, and the glyphs that stand for more than one character (ligatures).
     */
    record Shown(String text, boolean adjusted, String font, float size, List<String> ligatures) {
    }

    /** Every text-showing operator of the document, in content order. */
    static List<Shown> shown(PDDocument pdf) throws IOException {
        List<Shown> all = new ArrayList<>();
        PDFTextStripper engine = new PDFTextStripper() {
            @Override
            protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
                String name = operator.getName();
                if ((name.equals("TJ") || name.equals("Tj")) && !operands.isEmpty()) {
                    PDFont font = getGraphicsState().getTextState().getFont();
                    StringBuilder text = new StringBuilder();
                    boolean adjusted = false;
                    List<String> ligatures = new ArrayList<>();
                    List<COSBase> parts = new ArrayList<>();
                    if (operands.get(0) instanceof COSArray array) {
                        array.forEach(parts::add);
                    } else {
                        parts.add(operands.get(0));
                    }
                    for (COSBase part : parts) {
                        if (part instanceof COSNumber n && n.floatValue() != 0) {
                            adjusted = true;
                        } else if (part instanceof COSString s && font != null) {
                            ByteArrayInputStream in = new ByteArrayInputStream(s.getBytes());
                            while (in.available() > 0) {
                                String u = font.toUnicode(font.readCode(in));
                                text.append(u == null ? "\uFFFD" : u);
                                if (u != null && (u.codePointCount(0, u.length()) > 1 || (u.charAt(0) >= '\uFB00' && u.charAt(0) <= '\uFB06'))) {
                                    ligatures.add(u);
                                }
                            }
                        }
                    }
                    all.add(new Shown(text.toString(), adjusted, font == null ? "" : font.getName(),
                            getGraphicsState().getTextState().getFontSize(), ligatures));
                }
                super.processOperator(operator, operands);
            }
        };
        engine.getText(pdf);
        return all;
    }

    @Test
    void headingsAreKernedAndStandardLigaturesAreSet() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PaginationAuditTest.pdf(PageSize.A4, Edition.CLIENT, false))) {
            List<Shown> shown = shown(pdf);
            for (String word : List.of("Two stories", "Try something new")) {
                boolean kerned = shown.stream().anyMatch(s -> s.text().startsWith(word.substring(0, 3)) && s.adjusted() && s.size() >= 14);
                assertTrue(kerned, "no kerned \"" + word + "\" at heading size; shown: "
                        + shown.stream().filter(s -> s.text().startsWith(word.substring(0, 3))).toList());
            }
            // A ligature is one glyph standing for two letters: its ToUnicode entry is the presentation form
            // (U+FB01 for "fi"), which extractors unfold. Yrsa has an "fi" ligature but no "fl"; Lato has both.
            List<String> ligatures = shown.stream().flatMap(s -> s.ligatures().stream()).distinct().sorted().toList();
            assertTrue(ligatures.contains("\uFB01") && ligatures.contains("\uFB02"), "fi and fl are not set as ligatures: " + ligatures);
            assertTrue(shown.stream().anyMatch(s -> s.font().contains("Yrsa") && s.ligatures().contains("\uFB01")), "no fi ligature in the body face");
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Two stories"), "search and copy must still find the plain words: "
                    + text.lines().filter(l -> l.contains("stories")).map(l -> l.chars().limit(14).mapToObj(Integer::toHexString).toList()).toList());
            assertTrue(text.contains("Try something new"));
            assertTrue(text.contains("first") && !text.contains("frst"), "a word with a ligature must copy with its letters");
        }
    }

    /** One line of text as read back: its characters, first font and size, left and right edges. */
    record Line(String text, String font, float size, float left, float right, int page) {
    }

    /** Every text line of the document, in reading order per page. */
    static List<Line> lines(PDDocument pdf) throws IOException {
        List<Line> lines = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            private final StringBuilder text = new StringBuilder();
            private TextPosition first;
            private float right;

            @Override
            protected void writeString(String string, List<TextPosition> positions) {
                if (positions.isEmpty()) {
                    return;
                }
                if (first == null) {
                    first = positions.get(0);
                }
                TextPosition last = positions.get(positions.size() - 1);
                right = Math.max(right, last.getXDirAdj() + last.getWidthDirAdj());
                text.append(string);
            }

            @Override
            protected void writeWordSeparator() {
                text.append(' ');
            }

            @Override
            protected void writeLineSeparator() {
                if (first != null) {
                    lines.add(new Line(text.toString().strip(), first.getFont().getName(), Math.round(first.getFontSizeInPt() * 10) / 10f,
                            first.getXDirAdj(), right, getCurrentPageNo()));
                }
                text.setLength(0);
                first = null;
                right = 0;
            }
        };
        stripper.setSortByPosition(true);
        stripper.getText(pdf);
        return lines;
    }

    /**
     * A book's measure: the full lines of body text (the body face at the body size, running to
     * the right edge of the text block, not the short last line of a paragraph) hold 60 to 75
     * characters on average, on every paper size.
     */
    @ParameterizedTest
    @EnumSource(PageSize.class)
    void bodyTextRunsSixtyToSeventyFiveCharactersALine(PageSize size) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PaginationAuditTest.pdf(size, Edition.CLIENT, false))) {
            // Contents lines are dot leaders, not text: left out.
            List<Line> body = lines(pdf).stream().filter(l -> l.font().endsWith("Yrsa-Regular") && !l.text().contains(". . .")).toList();
            Map<Float, Long> bySize = new TreeMap<>();
            body.forEach(l -> bySize.merge(l.size(), 1L, Long::sum));
            float bodySize = bySize.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<Line> atSize = body.stream().filter(l -> l.size() == bodySize).toList();
            float left = (float) atSize.stream().mapToDouble(Line::left).min().orElseThrow();
            // Mirrored margins move the block from page to page: measure each line against its own page's block.
            Map<Integer, Float> rightEdge = new TreeMap<>();
            atSize.forEach(l -> rightEdge.merge(l.page(), l.right(), Math::max));
            List<Line> full = atSize.stream()
                    .filter(l -> l.right() > rightEdge.get(l.page()) - 0.1f * (rightEdge.get(l.page()) - left) && l.text().length() > 20)
                    .toList();
            double mean = full.stream().mapToInt(l -> l.text().length()).average().orElse(0);
            int longest = full.stream().mapToInt(l -> l.text().length()).max().orElse(0);
            String sample = full.stream().limit(3).map(Line::text).toList().toString();
            System.out.printf("measure %s: %d full lines at %.1f pt, mean %.1f, longest %d%n", size, full.size(), bodySize, mean, longest);
            assertTrue(full.size() > 20, size + ": too few full body lines to measure: " + full.size());
            assertTrue(mean >= 60 && mean <= 75, size + ": full body lines hold " + Math.round(mean) + " characters on average, "
                    + "not 60 to 75 (longest " + longest + "): " + sample);
        }
    }

    /**
     * The fillable edition's form fonts are embedded in full and can show every Latin-1 character
     * (U+00A0 to U+00FF) and the punctuation people type, read from the embedded font program; and
     * every field has a tooltip.
     */
    @Test
    void formFontCoversLatin1AndCommonPunctuationAndEveryFieldHasATooltip() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(PaginationAuditTest.pdf(PageSize.A4, Edition.CLIENT, true))) {
            var form = pdf.getDocumentCatalog().getAcroForm();
            List<String> problems = new ArrayList<>();
            java.util.Set<String> fontNames = new java.util.TreeSet<>();
            int fields = 0;
            for (PDField field : form.getFieldTree()) {
                if (!(field instanceof PDTerminalField)) {
                    continue;
                }
                fields++;
                String tip = field.getAlternateFieldName();
                if (tip == null || tip.isBlank()) {
                    problems.add(field.getFullyQualifiedName() + ": empty tooltip");
                }
                if (field instanceof PDVariableText text) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("/([^ ]+) [0-9.]+ Tf").matcher(text.getDefaultAppearance());
                    if (m.find()) {
                        fontNames.add(m.group(1));
                    }
                }
            }
            StringBuilder wanted = new StringBuilder("!&@()./,?'\"\u2013\u2014\u2026");
            for (int c = 0xA0; c <= 0xFF; c++) {
                wanted.appendCodePoint(c);
            }
            for (String name : fontNames) {
                PDFont font = form.getDefaultResources().getFont(COSName.getPDFName(name));
                if (font == null || !font.isEmbedded()) {
                    problems.add("form font " + name + " is not embedded");
                    continue;
                }
                org.apache.fontbox.ttf.TrueTypeFont program = font instanceof PDType0Font t0 && t0.getDescendantFont() instanceof PDCIDFontType2 cid
                        ? cid.getTrueTypeFont() : font instanceof PDTrueTypeFont tt ? tt.getTrueTypeFont() : null;
                if (program == null) {
                    problems.add("form font " + name + " is not a TrueType program");
                    continue;
                }
                StringBuilder missing = new StringBuilder();
                var cmap = program.getUnicodeCmapLookup();
                wanted.codePoints().filter(c -> cmap.getGlyphId(c) <= 0).forEach(missing::appendCodePoint);
                if (!missing.isEmpty()) {
                    problems.add("form font " + font.getName() + " lacks " + missing);
                }
            }
            assertTrue(fields > 50, "the fillable edition has only " + fields + " fields");
            assertTrue(!fontNames.isEmpty(), "no form font named in the fields' appearances");
            assertEquals(List.of(), problems);
        }
    }

    /**
     * A checklist that invites the reader's own item ({@code other: true}; in the default content the
     * two that say "add your own" and "write your own") ends with a
     * ruled "Other:" line on its page, and the fillable edition has a text field on that rule.
     */
    @Test
    void checklistsThatInviteYourOwnItemHaveAnOtherLine() throws IOException {
        try (PDDocument print = Loader.loadPDF(PaginationAuditTest.pdf(PageSize.A4, Edition.CLIENT, false));
                PDDocument fill = Loader.loadPDF(PaginationAuditTest.pdf(PageSize.A4, Edition.CLIENT, true))) {
            List<PageText> pages = PageText.read(print);
            for (String invite : List.of("add your own", "write your own")) {
                boolean lined = pages.stream().anyMatch(p -> p.body().contains(invite) && p.body().indexOf("Other:") > p.body().indexOf(invite));
                assertTrue(lined, "no Other: line after the checklist that says \"" + invite + "\"");
            }
            List<String> others = new ArrayList<>();
            for (PDField field : fill.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (field.getFullyQualifiedName().endsWith("-other-1")) {
                    others.add(field.getFullyQualifiedName().replaceAll(".*--", ""));
                    assertTrue(field.getAlternateFieldName().endsWith(": other"), field.getAlternateFieldName());
                }
            }
            assertEquals(List.of("good-small-joys-other-1", "new-small-step-other-1"), others.stream().sorted().toList());
        }
    }
}
