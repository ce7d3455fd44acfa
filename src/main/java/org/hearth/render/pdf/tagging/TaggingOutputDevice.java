package org.hearth.render.pdf.tagging;

import java.awt.Rectangle;
import java.awt.Shape;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.w3c.dom.Element;
import org.xhtmlrenderer.css.parser.FSColor;
import org.xhtmlrenderer.css.style.CalculatedStyle;
import org.xhtmlrenderer.css.style.derived.BorderPropertySet;
import org.xhtmlrenderer.css.style.derived.FSLinearGradient;
import org.xhtmlrenderer.extend.FSImage;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.render.BlockBox;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.InlineLayoutBox;
import org.xhtmlrenderer.render.InlineText;
import org.xhtmlrenderer.render.JustificationInfo;
import org.xhtmlrenderer.render.LineBox;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.render.TextDecoration;

/**
 * Flying Saucer's PDF output device, with every drawing operation inside marked content: text and
 * images of the document as tagged content of their element's structure element (found through
 * the box tree), everything else (page furniture in the margins, borders, rules, backgrounds,
 * list markers, decoration) as an Artifact. Text the page clip hides is dropped, as
 * {@code VisibleTextDevice} does for untagged PDFs.
 */
public final class TaggingOutputDevice extends ITextOutputDevice {

    private static final PdfName ARTIFACT = new PdfName("Artifact");
    private static final PdfName PAGINATION = new PdfName("Pagination");
    private static final PdfName LAYOUT = new PdfName("Layout");

    private final TagTree tree;
    private Box root;
    private int page = -1;
    private int nextMcid;
    /** How deep inside marked content drawing is; only the outermost operation opens a sequence. */
    private int depth;

    public TaggingOutputDevice(float dotsPerPoint, TagTree tree) {
        super(dotsPerPoint);
        this.tree = tree;
    }

    @Override
    public void setRoot(Box root) {
        super.setRoot(root);
        this.root = root;
    }

    @Override
    public void initializePage(PdfContentByte currentPage, float height) {
        super.initializePage(currentPage, height);
        page++;
        nextMcid = 0;
    }

    private final java.util.Map<Element, Integer> headerPages = new java.util.HashMap<>();

    /** Whether {@code element} lies in a table's header group already drawn on an earlier page. */
    private boolean repeatedHeader(Element element) {
        for (org.w3c.dom.Node n = element; n instanceof Element e; n = e.getParentNode()) {
            if (e.getLocalName() != null && e.getLocalName().equals("thead") || "thead".equals(e.getTagName())) {
                Integer first = headerPages.putIfAbsent(element, page);
                return first != null && first != page;
            }
        }
        return false;
    }

    // --- Content: text and images, tagged by their element.

    @Override
    public void drawText(RenderingContext c, InlineText text) {
        InlineLayoutBox box = text.getParent();
        if (!visible(box.getAbsX() + text.getX(), box.getAbsY() + box.getBaseline())) {
            return; // clipped away: neither drawn nor tagged, so it is read once, on its own page
        }
        if (depth > 0 || inMargin(box) || offPage(c, box)) {
            artifact(PAGINATION, () -> super.drawText(c, text));
            return;
        }
        Element element = elementOf(box);
        if (repeatedHeader(element)) {
            // A table's header row repeated on a later page (-fs-table-paginate) is read once, where it first appears.
            artifact(PAGINATION, () -> super.drawText(c, text));
            return;
        }
        TagTree.Tag tag = tree.tagFor(element);
        if (tag.role.equals("Link")) {
            org.openpdf.text.Rectangle area = createLocalTargetArea(c, box);
            if (area != null) {
                tag.areas.add(new float[] {page, area.getLeft(), area.getBottom(), area.getRight(), area.getTop()});
            }
        }
        tagged(tag, text.getTextNode(), element, () -> super.drawText(c, text));
    }

    @Override
    public void paintReplacedElement(RenderingContext c, BlockBox box) {
        Element element = box.getElement();
        String name = element == null ? "" : element.getLocalName();
        if (depth > 0 || inMargin(box) || offPage(c, box)) {
            artifact(LAYOUT, () -> super.paintReplacedElement(c, box));
        } else if ("img".equalsIgnoreCase(name)) {
            tagged(tree.tagFor(element), element, element, () -> super.paintReplacedElement(c, box));
        } else {
            // A form field: its widget annotation, not page content, is what the Form tag holds.
            tree.tagFor(element);
            artifact(LAYOUT, () -> super.paintReplacedElement(c, box));
        }
    }

    // --- Artifacts: what only decorates or paginates.

    @Override
    public void paintBackground(RenderingContext c, Box box) {
        artifact(LAYOUT, () -> super.paintBackground(c, box));
    }

    @Override
    public void paintBackground(RenderingContext c, CalculatedStyle style, Rectangle bounds, Rectangle bgImageContainer,
            BorderPropertySet border) {
        artifact(LAYOUT, () -> super.paintBackground(c, style, bounds, bgImageContainer, border));
    }

    @Override
    public void paintBorder(RenderingContext c, Box box) {
        artifact(LAYOUT, () -> super.paintBorder(c, box));
    }

    @Override
    public void paintBorder(RenderingContext c, CalculatedStyle style, Rectangle edge, int sides) {
        artifact(LAYOUT, () -> super.paintBorder(c, style, edge, sides));
    }

    @Override
    public void paintCollapsedBorder(RenderingContext c, BorderPropertySet border, Rectangle bounds, int side) {
        artifact(LAYOUT, () -> super.paintCollapsedBorder(c, border, bounds, side));
    }

    @Override
    public void drawTextDecoration(RenderingContext c, LineBox lineBox) {
        artifact(LAYOUT, () -> super.drawTextDecoration(c, lineBox));
    }

    @Override
    public void drawTextDecoration(RenderingContext c, InlineLayoutBox box, TextDecoration decoration) {
        artifact(LAYOUT, () -> super.drawTextDecoration(c, box, decoration));
    }

    @Override
    public void drawDebugOutline(RenderingContext c, Box box, FSColor color) {
        artifact(LAYOUT, () -> super.drawDebugOutline(c, box, color));
    }

    // --- Anything drawn outside the operations above (list markers, for one) is an artifact too.

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (!visible(x, y)) {
            return;
        }
        artifact(LAYOUT, () -> super.drawString(s, x, y, info));
    }

    @Override
    public void draw(Shape s) {
        artifact(LAYOUT, () -> super.draw(s));
    }

    @Override
    public void fill(Shape s) {
        artifact(LAYOUT, () -> super.fill(s));
    }

    @Override
    protected void drawLine(int x1, int y1, int x2, int y2) {
        artifact(LAYOUT, () -> super.drawLine(x1, y1, x2, y2));
    }

    @Override
    public void drawRect(int x, int y, int width, int height) {
        artifact(LAYOUT, () -> super.drawRect(x, y, width, height));
    }

    @Override
    public void drawOval(int x, int y, int width, int height) {
        artifact(LAYOUT, () -> super.drawOval(x, y, width, height));
    }

    @Override
    public void fillRect(int x, int y, int width, int height) {
        artifact(LAYOUT, () -> super.fillRect(x, y, width, height));
    }

    @Override
    public void fillOval(int x, int y, int width, int height) {
        artifact(LAYOUT, () -> super.fillOval(x, y, width, height));
    }

    @Override
    public void drawBorderLine(Shape bounds, int side, int width, boolean solid) {
        artifact(LAYOUT, () -> super.drawBorderLine(bounds, side, width, solid));
    }

    @Override
    public void drawImage(FSImage image, int x, int y) {
        artifact(LAYOUT, () -> super.drawImage(image, x, y));
    }

    @Override
    public void drawLinearGradient(FSLinearGradient gradient, int x, int y, int width, int height) {
        artifact(LAYOUT, () -> super.drawLinearGradient(gradient, x, y, width, height));
    }

    // --- Marked content.

    private void tagged(TagTree.Tag tag, org.w3c.dom.Node source, Element owner, Runnable draw) {
        if (depth > 0) {
            draw.run();
            return;
        }
        int mcid = nextMcid++;
        tree.add(tag, page, mcid, source, owner);
        PdfDictionary properties = new PdfDictionary();
        properties.put(PdfName.MCID, new PdfNumber(mcid));
        PdfContentByte cb = getCurrentPage();
        cb.beginMarkedContentSequence(new PdfName(tag.role), properties, true);
        depth++;
        try {
            draw.run();
        } finally {
            depth--;
            cb.endMarkedContentSequence();
        }
    }

    private void artifact(PdfName type, Runnable draw) {
        if (depth > 0 || getCurrentPage() == null) {
            draw.run();
            return;
        }
        PdfDictionary properties = new PdfDictionary();
        properties.put(PdfName.TYPE, type);
        PdfContentByte cb = getCurrentPage();
        cb.beginMarkedContentSequence(ARTIFACT, properties, true);
        depth++;
        try {
            draw.run();
        } finally {
            depth--;
            cb.endMarkedContentSequence();
        }
    }

    /**
     * Whether text with its baseline starting at (x, y) shows through the page clip: Flying Saucer
     * paints the first lines of the next page into this page's foot margin and clips them away,
     * which would leave invisible text that search finds and screen readers read out. The point is
     * nudged up into the glyphs: a line either shows here or belongs to another page.
     */
    private boolean visible(float x, float y) {
        Shape clip = getClip();
        return clip == null || clip.contains(x + 0.5, y - 1);
    }

    /** Page margin boxes (running heads, folios) are laid out apart from the document's box tree. */
    private boolean inMargin(Box box) {
        Box top = box;
        while (top.getParent() != null) {
            top = top.getParent();
        }
        return top != root;
    }

    /**
     * Flying Saucer also paints a line that belongs to the next or previous page, clipped away; it
     * must not be read twice, so it is an artifact on the page where it cannot be seen.
     */
    private static boolean offPage(RenderingContext c, Box box) {
        PageBox page = c.getPage();
        if (page == null) {
            return false;
        }
        int middle = box.getAbsY() + box.getHeight() / 2;
        return middle < page.getTop() || middle >= page.getBottom();
    }

    private static Element elementOf(Box box) {
        for (Box b = box; b != null; b = b.getParent()) {
            if (b.getElement() != null) {
                return b.getElement();
            }
        }
        return null;
    }
}
