package org.hearth.render.pdf.tagging;

import java.awt.Rectangle;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
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
import org.xhtmlrenderer.render.MarkerData;
import org.xhtmlrenderer.render.PageBox;
import org.xhtmlrenderer.render.RenderingContext;
import org.xhtmlrenderer.render.TextDecoration;

/**
 * Flying Saucer's PDF output device, with every drawing operation inside marked content: text and
 * images of the document as tagged content of their element's structure element (found through
 * the box tree), list markers as their item's Lbl, everything else (page furniture in the margins,
 * borders, rules, backgrounds, decoration) as an Artifact. Text the page clip hides is dropped, as
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
    /** List items by the x at which their marker is drawn; made at the first marker. */
    private Map<Integer, List<BlockBox>> markers;

    public TaggingOutputDevice(float dotsPerPoint, TagTree tree) {
        super(dotsPerPoint);
        this.tree = tree;
    }

    @Override
    public void setRoot(Box root) {
        super.setRoot(root);
        this.root = root;
        this.markers = null;
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

    // --- Drawing outside the operations above: list markers (the item's Lbl) or an artifact. The
    // rectangle, oval and line primitives of ITextOutputDevice all draw through draw() and fill().

    @Override
    public void drawString(String s, float x, float y, JustificationInfo info) {
        if (!visible(x, y)) {
            return;
        }
        marker(marker(x, y), null, () -> super.drawString(s, x, y, info));
    }

    @Override
    public void draw(Shape s) {
        Rectangle b = s.getBounds();
        marker(glyph(b), "\u25E6", () -> super.draw(s)); // a circle: white bullet
    }

    @Override
    public void fill(Shape s) {
        Rectangle b = s.getBounds();
        marker(glyph(b), s instanceof Rectangle ? "\u25AA" : "\u2022", () -> super.fill(s)); // square or disc
    }

    @Override
    public void drawImage(FSImage image, int x, int y) {
        artifact(LAYOUT, () -> super.drawImage(image, x, y));
    }

    @Override
    public void drawLinearGradient(FSLinearGradient gradient, int x, int y, int width, int height) {
        artifact(LAYOUT, () -> super.drawLinearGradient(gradient, x, y, width, height));
    }

    // --- List markers.

    /** The list item whose shape marker (a disc, circle or square) this is, if it is one and shows. */
    private Element glyph(Rectangle bounds) {
        return depth == 0 && visible(bounds.x + bounds.width / 2f, bounds.y + bounds.height / 2f + 1)
                ? marker(bounds.x, bounds.y) : null;
    }

    /**
     * The list item whose marker Flying Saucer draws at (x, y), or null: Flying Saucer paints all
     * markers of a page after the blocks' backgrounds without saying whose they are, at the left of
     * the item's first line ({@code ListItemPainter}), so the position tells: the same x as the
     * painter computes, and a y inside the item.
     */
    private Element marker(float x, float y) {
        if (depth > 0 || root == null) {
            return null;
        }
        if (markers == null) {
            markers = new HashMap<>();
            index(root);
        }
        for (BlockBox item : markers.getOrDefault(Math.round(x), List.of())) {
            if (y >= item.getAbsY() && y < item.getAbsY() + item.getHeight()) {
                return item.getElement();
            }
        }
        return null;
    }

    private void index(Box box) {
        if (box instanceof BlockBox block && block.getMarkerData() != null && block.getElement() != null) {
            MarkerData data = block.getMarkerData();
            LineBox line = data.getReferenceLine();
            int width = data.getTextMarker() != null ? data.getTextMarker().getLayoutWidth()
                    : data.getGlyphMarker() != null ? data.getGlyphMarker().getLayoutWidth() : -1;
            if (line != null && width >= 0) {
                markers.computeIfAbsent(line.getAbsX() - width, k -> new ArrayList<>()).add(block);
            }
        }
        for (int i = 0; i < box.getChildCount(); i++) {
            index(box.getChild(i));
        }
        if (box instanceof InlineLayoutBox inline) {
            for (Object child : inline.getInlineChildren()) {
                if (child instanceof Box b) {
                    index(b);
                }
            }
        }
    }

    /** Draws a list item's marker into its Lbl ({@code replacement} read for a shape), anything else as an artifact. */
    private void marker(Element item, String replacement, Runnable draw) {
        TagTree.Tag label = item == null ? null : tree.labelFor(item, replacement);
        if (label == null) {
            artifact(LAYOUT, draw);
        } else {
            tagged(label, null, item, draw);
        }
    }

    // --- Marked content.

    private void tagged(TagTree.Tag tag, org.w3c.dom.Node source, Element owner, Runnable draw) {
        if (depth > 0) {
            draw.run();
            return;
        }
        int mcid = nextMcid++;
        tree.add(tag, page, mcid, source, owner);
        marked(new PdfName(tag.role), PdfName.MCID, new PdfNumber(mcid), draw);
    }

    private void artifact(PdfName type, Runnable draw) {
        marked(ARTIFACT, PdfName.TYPE, type, draw);
    }

    /** Draws inside a marked-content sequence with one property; only the outermost operation opens one. */
    private void marked(PdfName tag, PdfName key, PdfObject value, Runnable draw) {
        PdfContentByte cb = getCurrentPage();
        if (depth > 0 || cb == null) {
            draw.run();
            return;
        }
        PdfDictionary properties = new PdfDictionary();
        properties.put(key, value);
        cb.beginMarkedContentSequence(tag, properties, true);
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
