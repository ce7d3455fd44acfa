package org.hearth.testing;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The painted shapes of one page (rules, boxes, circles, images, imported pages' marks), as bounding
 * boxes in points with y measured from the page's top, the way a reader looks at a page.
 */
public final class PageGraphics extends PDFGraphicsStreamEngine {

    /**
     * A painted shape: its bounds, whether it was drawn with curves (a circle or rounded box), whether
     * it was stroked (else filled, or an image), its line width in page space, and whether its ink is
     * pure black on the black plate alone (DeviceGray 0, never a four-colour black that could misregister).
     */
    public record Shape(Rectangle2D bounds, boolean curved, boolean stroked, double lineWidth, boolean black) {
    }

    private final float height;
    private final List<Shape> shapes = new ArrayList<>();
    private Rectangle2D current;
    private boolean curved;

    private PageGraphics(PDPage page) {
        super(page);
        this.height = page.getMediaBox().getHeight();
    }

    /** The shapes of {@code page}. */
    public static List<Shape> of(PDPage page) throws IOException {
        return of(page, new StringBuilder());
    }

    /** The shapes of {@code page}; glyphs that the clip hides are counted into {@code hidden}. */
    public static List<Shape> of(PDPage page, StringBuilder hidden) throws IOException {
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
                m.getScalingFactorX(), m.getScalingFactorY()), false, false, 0, false));
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

    private void painted(boolean stroked) {
        if (current != null) {
            var state = getGraphicsState();
            var colour = stroked ? state.getStrokingColor() : state.getNonStrokingColor();
            boolean black = colour.getColorSpace() instanceof org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray
                    && colour.getComponents()[0] == 0;
            // The line width in page space: the current matrix scales it.
            double width = state.getLineWidth() * state.getCurrentTransformationMatrix().getScalingFactorX();
            shapes.add(new Shape(current, curved, stroked, width, black));
        }
        current = null;
        curved = false;
    }

    @Override
    public void strokePath() {
        painted(true);
    }

    @Override
    public void fillPath(int windingRule) {
        painted(false);
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        painted(true);
    }

    @Override
    public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
    }
}
