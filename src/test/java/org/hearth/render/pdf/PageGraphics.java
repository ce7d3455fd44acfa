package org.hearth.render.pdf;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The painted shapes of one page (rules, boxes, circles, images), as bounding boxes in points with
 * y measured from the page's top, the way a reader looks at a page.
 */
final class PageGraphics extends PDFGraphicsStreamEngine {

    /** A painted shape: its bounds, and whether it was drawn with curves (a circle or rounded box). */
    record Shape(Rectangle2D bounds, boolean curved) {
    }

    private final float height;
    private final List<Shape> shapes = new ArrayList<>();
    private Rectangle2D current;
    private boolean curved;

    private PageGraphics(PDPage page) {
        super(page);
        this.height = page.getMediaBox().getHeight();
    }

    /** The shapes of {@code page}; glyphs that the clip hides are counted into {@code hidden}. */
    static List<Shape> of(PDPage page, StringBuilder hidden) throws IOException {
        PageGraphics g = new PageGraphics(page);
        g.processPage(page);
        hidden.append(g.hidden);
        return g.shapes;
    }

    private final StringBuilder hidden = new StringBuilder();

    @Override
    protected void showGlyph(org.apache.pdfbox.util.Matrix matrix, org.apache.pdfbox.pdmodel.font.PDFont font, int code,
            org.apache.pdfbox.util.Vector displacement) throws IOException {
        var clip = getGraphicsState().getCurrentClippingPath().getBounds2D();
        if (!clip.contains(matrix.getTranslateX() + 0.5, matrix.getTranslateY() + 1)) {
            String text = font.toUnicode(code);
            hidden.append(text == null ? "?" : text);
        }
        super.showGlyph(matrix, font, code, displacement);
    }

    private void add(Point2D p) {
        Rectangle2D r = new Rectangle2D.Double(p.getX(), height - p.getY(), 0, 0);
        if (current == null) {
            current = r;
        } else {
            current.add(r.getX(), r.getY());
        }
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        add(p0);
        add(p1);
        add(p2);
        add(p3);
    }

    @Override
    public void drawImage(PDImage pdImage) {
        var m = getGraphicsState().getCurrentTransformationMatrix();
        shapes.add(new Shape(new Rectangle2D.Double(m.getTranslateX(), height - m.getTranslateY() - m.getScalingFactorY(),
                m.getScalingFactorX(), m.getScalingFactorY()), false));
    }

    @Override
    public void clip(int windingRule) {
        // A clip paints nothing; the path is ended by endPath().
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
        curved = true;
        add(new Point2D.Float(x1, y1));
        add(new Point2D.Float(x2, y2));
        add(new Point2D.Float(x3, y3));
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float(0, 0);
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
        current = null;
        curved = false;
    }

    private void painted() {
        if (current != null) {
            shapes.add(new Shape(current, curved));
        }
        current = null;
        curved = false;
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
    public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
    }
}
