package org.hearth.answers;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.hearth.testing.PageGraphics;

/** Where a keepsake's written words stand against the printed rules, in points from the page top. */
final class KeepsakeGeometry {

    private KeepsakeGeometry() {
    }

    /**
     * The distance from the baseline of {@code text}'s first glyph down to the nearest thin
     * horizontal rule under it (one that spans that glyph); fails when the text or the rule is missing.
     */
    static float gapToRuleBelow(PDDocument doc, String text) throws IOException {
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            TextPosition first = find(doc, i, text);
            if (first == null) {
                continue;
            }
            float x = first.getXDirAdj() + first.getWidthDirAdj() / 2;
            float baseline = first.getYDirAdj();
            float best = Float.MAX_VALUE;
            for (Rectangle2D rule : rules(doc.getPage(i))) {
                if (rule.getMinX() <= x && x <= rule.getMaxX() && rule.getCenterY() > baseline - 3) {
                    best = Math.min(best, (float) (rule.getCenterY() - baseline));
                }
            }
            if (best == Float.MAX_VALUE) {
                throw new AssertionError("no rule under “" + text + "” on page " + (i + 1));
            }
            return best;
        }
        throw new AssertionError("“" + text + "” is on no page");
    }

    /**
     * How far the written words run past the end of the rule they stand on, at most, over the
     * whole document (in points; zero or less when every line ends on its rule). A glyph stands on
     * a rule when its baseline is up to 6 pt above it and it starts after the rule does.
     */
    static float overhang(PDDocument doc) throws IOException {
        float worst = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < doc.getNumberOfPages(); i++) {
            List<TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper() {
                @Override
                protected void writeString(String string, List<TextPosition> positions) {
                    glyphs.addAll(positions);
                }
            };
            s.setStartPage(i + 1);
            s.setEndPage(i + 1);
            s.getText(doc);
            for (Rectangle2D rule : rules(doc.getPage(i))) {
                for (TextPosition g : glyphs) {
                    float baseline = g.getYDirAdj();
                    if (baseline <= rule.getCenterY() && baseline > rule.getCenterY() - 6 && g.getXDirAdj() >= rule.getMinX() - 1) {
                        worst = Math.max(worst, (float) (g.getXDirAdj() + g.getWidthDirAdj() - rule.getMaxX()));

                    }
                }
            }
        }
        return worst;
    }

    /** The first glyph of {@code text} on page {@code index}, or null. */
    private static TextPosition find(PDDocument doc, int index, String text) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        PDFTextStripper s = new PDFTextStripper() {
            @Override
            protected void writeString(String string, List<TextPosition> positions) {
                for (TextPosition t : positions) {
                    for (int k = 0; k < t.getUnicode().length(); k++) {
                        glyphs.add(t);
                    }
                    all.append(t.getUnicode());
                }
                glyphs.add(null);
                all.append(' ');
            }
        };
        s.setSortByPosition(true);
        s.setStartPage(index + 1);
        s.setEndPage(index + 1);
        s.getText(doc);
        int at = all.indexOf(text);
        return at < 0 ? null : glyphs.get(at);
    }

    /** The thin horizontal shapes a page paints (rules and borders), as bounds measured from the page top. */
    private static List<Rectangle2D> rules(PDPage page) throws IOException {
        return PageGraphics.of(page).stream().map(PageGraphics.Shape::bounds)
                .filter(b -> b.getHeight() < 2 && b.getWidth() > 20).toList();
    }
}
