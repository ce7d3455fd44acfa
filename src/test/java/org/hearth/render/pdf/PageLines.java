package org.hearth.render.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The body text of one page as the lines a reader sees, each with the font it is set in, so an
 * audit can tell a heading or a table's header row from running text.
 */
final class PageLines {

    /**
     * One line of text between the margins.
     *
     * @param top top of its tallest glyph, in points from the page top
     * @param baseline its baseline, in points from the page top
     * @param text what it says
     * @param font the PostScript name of its first glyph's font, without the subset prefix
     * @param size that glyph's size in points
     */
    record Line(float top, float baseline, String text, String font, float size) {

        /** Set in the theme's bold sans-serif (headings, table headers, callout titles). */
        boolean boldSans() {
            return font.contains("Lato") && font.contains("Bold");
        }
    }

    private PageLines() {
    }

    /** The body lines of page {@code index} (0-based), top to bottom. */
    static List<Line> of(PDDocument pdf, int index) throws IOException {
        float height = pdf.getPage(index).getMediaBox().getHeight();
        List<Line> lines = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition t : positions) {
                    float y = t.getYDirAdj();
                    if (y < PageText.BAND || y > height - PageText.BAND || t.getUnicode().isBlank()) {
                        continue;
                    }
                    Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                    if (last != null && Math.abs(last.baseline() - y) < 2) {
                        lines.set(lines.size() - 1, new Line(Math.min(last.top(), y - t.getHeightDir()), last.baseline(),
                                last.text() + t.getUnicode(), last.font(), last.size()));
                    } else {
                        String font = t.getFont().getName() == null ? "" : t.getFont().getName().replaceFirst("^[A-Z]{6}\\+", "");
                        lines.add(new Line(y - t.getHeightDir(), y, t.getUnicode(), font, t.getFontSizeInPt()));
                    }
                }
                Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                if (last != null && !last.text().endsWith(" ")) {
                    lines.set(lines.size() - 1, new Line(last.top(), last.baseline(), last.text() + " ", last.font(), last.size()));
                }
            }
        };
        stripper.setSortByPosition(true);
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        stripper.getText(pdf);
        lines.replaceAll(l -> new Line(l.top(), l.baseline(), l.text().trim(), l.font(), l.size()));
        return lines;
    }
}
