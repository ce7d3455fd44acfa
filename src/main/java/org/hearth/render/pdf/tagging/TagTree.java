package org.hearth.render.pdf.tagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The logical structure of the workbook, built from the XHTML while Flying Saucer draws it: each
 * structural element (heading, paragraph, list, table cell, figure, link, form field) becomes a
 * node, and each drawn run of content a marked-content reference to its page and MCID. Kids are
 * kept in source order, which is the reading order, whatever order the layers were painted in.
 */
public final class TagTree {

    /** Block containers that each start a section of the book. */
    private static final Set<String> SECTIONS = Set.of("cover", "front", "part", "entry", "notes");

    /** Parts of a table that are written even when empty. */
    private static final Set<String> TABLE_PARTS = Set.of("thead", "tbody", "tfoot", "tr", "th", "td");

    private final Map<Node, Integer> order = new IdentityHashMap<>();
    private final Map<Element, Integer> ends = new IdentityHashMap<>();
    private final Map<Element, Tag> tags = new IdentityHashMap<>();
    /** Each list item's Lbl, made when its marker is drawn. */
    private final Map<Element, Tag> labels = new IdentityHashMap<>();
    /** Whether each table is for layout only: decided once per table. */
    private final Map<Element, Boolean> layoutTables = new IdentityHashMap<>();
    private final Tag document;
    private final String language;

    /** The structure of {@code dom}, whose body becomes the Document element. */
    public TagTree(Document dom, String language) {
        this.language = language;
        number(dom.getDocumentElement(), 0);
        document = new Tag("Document", null, null, 0);
        forms(dom);
    }

    /**
     * A Form element for each place the template marks for a form field ({@code data-form}), in the
     * element's structure parent just after it: the widget added there after layout belongs to it.
     * Without a widget (the print edition) a Form element is empty and not written.
     */
    private void forms(Document dom) {
        org.w3c.dom.NodeList all = dom.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            if (all.item(i) instanceof Element e && e.hasAttribute("data-form")) {
                new Tag("Form", e, tagFor(e), 2L * order.getOrDefault(e, 0) + 1);
            }
        }
    }

    private int number(Node node, int next) {
        order.put(node, next++);
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            next = number(c, next);
        }
        if (node instanceof Element e) {
            ends.put(e, next);
        }
        return next;
    }

    /** One structure element. */
    static final class Tag {
        final String role;
        final Element element;
        final Tag parent;
        final long key;
        final List<Object> kids = new ArrayList<>();
        String alt;
        /** Replacement text, for a list marker drawn as a shape. */
        String actualText;
        String lang;
        String scope;
        String numbering;
        /** A row, cell or row group: kept even when empty. */
        boolean table;
        /** Where a link's text was drawn, for matching it to its annotation: page index and rectangle. */
        final List<float[]> areas = new ArrayList<>();

        Tag(String role, Element element, Tag parent, long key) {
            this.role = role;
            this.element = element;
            this.parent = parent;
            this.key = key;
            if (parent != null) {
                parent.kids.add(this);
            }
        }

        long key() {
            return key;
        }
    }

    /** A marked-content sequence: MCID {@code mcid} on page {@code page} (0-based). */
    record Content(int page, int mcid, long key) {
    }

    Tag document() {
        return document;
    }

    String language() {
        return language;
    }

    /**
     * The tag that drawn content of {@code element} belongs to, created with its ancestors when first
     * needed.
     */
    Tag tagFor(Element element) {
        if (element == null) {
            return document;
        }
        Tag known = tags.get(element);
        if (known != null) {
            return known;
        }
        Tag parent = tagFor(parentElement(element));
        known = tags.get(element); // creating a table's tag creates its rows and cells too
        if (known != null) {
            return known;
        }
        String role = layoutPart(element) ? layoutRole(element) : role(element);
        if ("Span".equals(role) && element.getAttribute("lang").equalsIgnoreCase(language)) {
            role = null; // a Span only marks a passage in another language
        }
        if (role == null) {
            tags.put(element, parent);
            return parent;
        }
        long key = 2L * order.getOrDefault(element, 0);
        Tag tag = new Tag(role, element, parent, key);
        describe(tag, element);
        Tag content = tag;
        if (role.equals("LI")) {
            content = new Tag("LBody", element, tag, key + 1);
        }
        tags.put(element, content);
        if (role.equals("Table")) {
            // Every row needs all its cells, empty or not, or the table's columns do not line up.
            cells(element);
        }
        return content;
    }

    /**
     * The Lbl of list item {@code li}, first among its kids (before the LBody), holding its drawn
     * marker; {@code replacement} is the marker's text when it is drawn as a shape (a disc), else null.
     * Null when {@code li} is not a list item in the structure tree.
     */
    Tag labelFor(Element li, String replacement) {
        Tag known = labels.get(li);
        if (known == null) {
            Tag body = tagFor(li);
            if (!body.role.equals("LBody") || body.element != li) {
                return null;
            }
            known = new Tag("Lbl", li, body.parent, 2L * order.getOrDefault(li, 0));
            known.actualText = replacement;
            labels.put(li, known);
        }
        return known;
    }

    /**
     * Whether {@code e} is a table, row group, row or cell of a layout table: one with no header
     * cell (the rating scale, a checklist, the two ends of a scale) or marked
     * {@code role="presentation"}. Such a table only places things side by side, so it is not a
     * Table in the structure tree: each row reads as one paragraph.
     */
    private boolean layoutPart(Element e) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
        name = name.toLowerCase(Locale.ROOT);
        if (!name.equals("table") && !TABLE_PARTS.contains(name)) {
            return false;
        }
        Node table = e;
        while (table instanceof Element t && !"table".equalsIgnoreCase(t.getLocalName() != null ? t.getLocalName() : t.getTagName())) {
            table = t.getParentNode();
        }
        return table instanceof Element t && layoutTables.computeIfAbsent(t, TagTree::forLayout);
    }

    private static boolean forLayout(Element table) {
        return "presentation".equals(table.getAttribute("role")) || "none".equals(table.getAttribute("role"))
                || table.getElementsByTagName("th").getLength() == 0;
    }

    /** A layout table is a Div whose rows are paragraphs; its row groups and cells add no structure. */
    private static String layoutRole(Element e) {
        String name = (e.getLocalName() != null ? e.getLocalName() : e.getTagName()).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "table" -> "Div";
            case "tr" -> "P";
            default -> null;
        };
    }

    private void cells(Element table) {
        for (Node c = table.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && TABLE_PARTS.contains(e.getLocalName())) {
                tagFor(e).table = true;
                cells(e);
            }
        }
    }

    /** Records content drawn on {@code page} with {@code mcid}, from text node {@code source} (or generated, when null). */
    void add(Tag tag, int page, int mcid, Node source, Element owner) {
        long key = source != null && order.containsKey(source) ? 2L * order.get(source)
                : 2L * ends.getOrDefault(owner, 0) + 1; // generated text (::after) comes at the end of its element
        tag.kids.add(new Content(page, mcid, key));
    }

    /** Kids in reading order: source order, then drawing order for pieces of one text. */
    static List<Object> ordered(Tag tag) {
        List<Object> kids = new ArrayList<>(tag.kids);
        kids.sort(Comparator.comparingLong(k -> k instanceof Tag t ? t.key() : ((Content) k).key()));
        return kids;
    }

    private static Element parentElement(Element e) {
        Node p = e.getParentNode();
        return p instanceof Element pe ? pe : null;
    }

    /** The standard structure type of an element, or null when its content belongs to its parent's. */
    private static String role(Element e) {
        String name = e.getLocalName() != null ? e.getLocalName() : e.getTagName();
        name = name.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "html", "body" -> null; // the Document tag itself
            case "h1", "h2", "h3", "h4", "h5", "h6" -> name.toUpperCase(Locale.ROOT);
            case "p", "pre", "dt", "dd" -> "P";
            case "ul", "ol", "dl" -> "L";
            case "li" -> "LI";
            case "table" -> "Table";
            case "thead" -> "THead";
            case "tbody" -> "TBody";
            case "tfoot" -> "TFoot";
            case "tr" -> "TR";
            case "th" -> "TH";
            case "td" -> "TD";
            case "caption", "figcaption" -> "Caption";
            case "img", "figure" -> "Figure";
            case "blockquote" -> "BlockQuote";
            case "a" -> e.hasAttribute("href") ? "Link" : null;
            case "input", "select", "textarea" -> "Form";
            case "section", "article" -> "Sect";
            case "aside", "nav" -> "Div";
            case "div" -> section(e) ? "Sect" : null;
            case "span" -> e.hasAttribute("lang") ? "Span" : null;
            default -> e.hasAttribute("lang") ? "Span" : null;
        };
    }

    private static boolean section(Element e) {
        for (String c : e.getAttribute("class").split("\\s+")) {
            if (SECTIONS.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private void describe(Tag tag, Element e) {
        switch (tag.role) {
            case "Figure" -> tag.alt = e.getAttribute("alt").isBlank() ? text(e) : e.getAttribute("alt");
            case "L" -> tag.numbering = "ol".equalsIgnoreCase(e.getLocalName()) ? "Decimal" : "Disc";
            case "TH" -> tag.scope = rowHeader(e) ? "Row" : "Column";
            default -> {
            }
        }
        if (e.hasAttribute("lang") && !e.getAttribute("lang").equalsIgnoreCase(language)) {
            tag.lang = e.getAttribute("lang");
        }
    }

    /** A header cell in a body row, with data cells beside it, heads its row. */
    private static boolean rowHeader(Element th) {
        Node section = th.getParentNode() == null ? null : th.getParentNode().getParentNode();
        boolean inHead = section instanceof Element s && "thead".equalsIgnoreCase(s.getLocalName());
        if (inHead) {
            return false;
        }
        for (Node c = th.getParentNode().getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element cell && "td".equalsIgnoreCase(cell.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    /** An element's text with white space collapsed. */
    static String text(Node n) {
        return n.getTextContent().replaceAll("\\s+", " ").strip();
    }
}
