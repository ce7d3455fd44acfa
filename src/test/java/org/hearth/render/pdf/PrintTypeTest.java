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
}
