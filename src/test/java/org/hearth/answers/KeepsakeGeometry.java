package org.hearth.answers;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

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
            for (Rectangle2D rule : Rules.of(doc.getPage(i))) {
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
    private static final class Rules extends PDFGraphicsStreamEngine {

        private final float height;
        private final List<Rectangle2D> rules = new ArrayList<>();
        private Rectangle2D current;

        private Rules(PDPage page) {
            super(page);
            height = page.getMediaBox().getHeight();
        }

        static List<Rectangle2D> of(PDPage page) throws IOException {
            Rules r = new Rules(page);
            r.processPage(page);
            return r.rules;
        }

        // PDFBox hands every point over already in page space (the operators apply the CTM).
        private void add(Point2D p) {
            if (current == null) {
                current = new Rectangle2D.Double(p.getX(), height - p.getY(), 0, 0);
            } else {
                current.add(p.getX(), height - p.getY());
            }
        }

        private void painted() {
            if (current != null && current.getHeight() < 2 && current.getWidth() > 20) {
                rules.add(current);
            }
            current = null;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            for (Point2D p : new Point2D[] {p0, p1, p2, p3}) {
                add(p);
            }
        }

        @Override
        public void moveTo(float x, float y) {
            add(new Point2D.Float(x, y));
        }

        @Override
        public void lineTo(float x, float y) {
            add(new Point2D.Float(x, y));
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            add(new Point2D.Float(x3, y3));
        }

        @Override
        public Point2D getCurrentPoint() {
            return new Point2D.Float(0, 0);
        }

        @Override
        public void drawImage(PDImage image) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void closePath() {
        }

        @Override
        public void endPath() {
            current = null;
        }

        @Override
        public void strokePath() {
            painted();
        }

        @Override
        public void fillPath(int windingRule) {
            painted();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            painted();
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
