package org.hearth.render.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;

/**
 * Copy-fitting the writing space to the page: after a first layout, a writing space that ends its
 * page (the last one of an entry, a letter, a Notes page, a drawing box with nothing under it)
 * grows to the page foot, with more ruled lines or a taller box, so no page ends in bare paper.
 *
 * <p>Flying Saucer has no flex layout, and its boxes cannot be stretched after layout without
 * redoing the layout of everything below them, so this works on the document: the first layout
 * measures, the DOM gets the extra rules (each a marked {@code data-form} rule, so the fillable
 * edition gets a field on it too), and the caller lays the document out again. Only space that
 * nothing else occupies is filled (the grown block is the last thing on its page), so the second
 * layout paginates everything else exactly as the first did.
 */
final class CopyFit {

    /** Room left under a grown block, so rounding never pushes its last rule overleaf (in points). */
    private static final float SLACK_PT = 6;
    /**
     * Room kept under a pushed prompt's empty shell (in points): the shell's own padding must stay on
     * its page, or its content, kept together, skips the next page's top and lands a page later.
     */
    private static final float SHELL_ROOM_PT = 30;
    private static final Pattern NUMBERED = Pattern.compile("^(.*)-(\\d+)$");
    private static final Pattern LINE_TIP = Pattern.compile(" \\(line \\d+\\)$");

    private CopyFit() {
    }

    /**
     * The blocks that may grow: every rule group of an element marked {@code data-grow} (letters,
     * Notes pages), every drawing box, and the last rule group of each entry. Each is given by its
     * last element (the last rule, or the box).
     */
    static List<Element> candidates(Document dom) {
        List<Element> found = new ArrayList<>();
        NodeList all = dom.getElementsByTagName("*");
        Element lastRuleOfEntry = null;
        Element entry = null;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (hasClass(e, "entry") || hasClass(e, "notes") || hasClass(e, "part") || e.hasAttribute("data-page")) {
                if (lastRuleOfEntry != null && !found.contains(lastRuleOfEntry)) {
                    found.add(lastRuleOfEntry);
                }
                lastRuleOfEntry = null;
                entry = hasClass(e, "entry") ? e : null;
            }
            if (hasClass(e, "prompt-letter") && lastRuleOfEntry != null) {
                // A letter starts overleaf, so the rules before it end their page: they grow to its foot.
                if (!found.contains(lastRuleOfEntry)) {
                    found.add(lastRuleOfEntry);
                }
                lastRuleOfEntry = null;
            }
            if ("box".equals(e.getAttribute("data-form"))) {
                found.add(e);
                lastRuleOfEntry = null;
            } else if (hasClass(e, "line") && "text".equals(e.getAttribute("data-form"))) {
                Element grow = ancestorWith(e, "data-grow");
                if (grow != null) {
                    Element last = lastLine(grow);
                    if (last == e) {
                        found.add(e);
                    }
                    lastRuleOfEntry = null;
                } else if (entry != null) {
                    lastRuleOfEntry = e;
                }
            } else if (entry != null && lastRuleOfEntry != null && (e.getTagName().equals("p") || e.getTagName().equals("table")
                    || hasClass(e, "box"))) {
                // Something printed after the rules: they no longer end the entry.
                if (!isInside(e, lastRuleOfEntry.getParentNode())) {
                    lastRuleOfEntry = null;
                }
            }
        }
        if (lastRuleOfEntry != null && !found.contains(lastRuleOfEntry)) {
            found.add(lastRuleOfEntry);
        }
        return found;
    }

    /**
     * Grows each candidate that is the last thing on its page to the page foot, measured in
     * {@code laidOut} (a renderer that has laid out {@code dom}); see {@link Fitted} for what a caller must confirm.
     */
    static Fitted grow(ITextRenderer laidOut, Document dom, String notesLabel,
            java.util.function.BiFunction<String, Integer, String> notesTip) {
        return grow(laidOut, dom, notesLabel, notesTip, java.util.Set.of());
    }

    /**
     * As {@link #grow(ITextRenderer, Document, String, java.util.function.BiFunction)}, and every entry
     * whose Notes id ({@code data-notes}) is in {@code wanted} gets Notes space even where its last page
     * has no room (it then runs overleaf): a filled fillable must have a place for a note the reader wrote.
     */
    static Fitted grow(ITextRenderer laidOut, Document dom, String notesLabel,
            java.util.function.BiFunction<String, Integer, String> notesTip, java.util.Set<String> wanted) {
        List<Element> candidates = candidates(dom);
        Map<Element, String> risky = new HashMap<>();
        if (candidates.isEmpty() && wanted.isEmpty()) {
            return new Fitted(0, risky, Map.of(), 0);
        }
        Map<Element, Box> boxes = new HashMap<>();
        List<Box> all = new ArrayList<>();
        collect(laidOut.getRootBox(), boxes, all);
        List<PageBox> pages = laidOut.getRootBox().getLayer().getPages();
        float dotsPerPt = ITextRenderer.DEFAULT_DOTS_PER_POINT; // the renderers are made with it (PdfRenderer)
        int grown = 0;
        java.util.Set<Integer> filled = new java.util.HashSet<>();
        for (Element e : candidates) {
            Box box = boxes.get(e);
            if (box == null) {
                continue;
            }
            int bottom = box.getAbsY() + box.getHeight();
            PageBox page = pageOf(pages, box.getAbsY());
            if (page == null || bottom > page.getBottom()) {
                continue;
            }
            boolean drawing = "box".equals(e.getAttribute("data-form"));
            float room = page.getBottom() - bottom - SLACK_PT * dotsPerPt;
            if (!lastOnPage(box, bottom, page, all)) {
                // A drawing box whose next prompt only begins here as an empty shell (its kept content did
                // not fit and starts overleaf) still ends its page: it grows as far as keeps that shell on
                // this page, so the next prompt paginates as before; the second layout confirms it.
                int shell = drawing ? lastShellStart(box, bottom, page, all) : -1;
                if (shell < 0) {
                    continue;
                }
                room = page.getBottom() - shell - SHELL_ROOM_PT * dotsPerPt;
                if (room <= 0) {
                    continue;
                }
                risky.put(e, e.getAttribute("style"));
            }
            if (room <= 0) {
                continue;
            }
            if (drawing) {
                float heightPt = box.getHeight() / dotsPerPt;
                float newHeightMm = (heightPt + room / dotsPerPt) * 25.4f / 72;
                e.setAttribute("style", "height: " + String.format(java.util.Locale.ROOT, "%.1f", newHeightMm) + "mm");
                filled.add(page.getPageNo());
                grown++;
            } else {
                int extra = (int) Math.floor(room / box.getHeight());
                if (extra > 0) {
                    addRules(e, extra);
                    filled.add(page.getPageNo());
                    grown++;
                }
            }
        }
        java.util.Set<String> given = new java.util.HashSet<>();
        for (Element entry : entries(dom)) {
            String base = notesId(entry);
            if (hasNotes(entry, base)) {
                continue; // a keepsake sets the reader's notes in a space of their own
            }
            Box box = boxes.get(entry);
            if (box == null) {
                continue;
            }
            int bottom = box.getAbsY() + box.getHeight();
            PageBox page = pageOf(pages, bottom - 1);
            if (page == null || filled.contains(page.getPageNo()) || (bottom - page.getTop()) * 5 >= (page.getBottom() - page.getTop()) * 2) {
                continue;
            }
            // The entry's last page would be under a third full (under two fifths by its boxes, so that the
            // text alone, which the audit reads, is never under a third): the rest of it becomes room for notes.
            float pitch = 9 * 72 / 25.4f * dotsPerPt;
            int lines = (int) Math.floor((page.getBottom() - bottom - 30 * dotsPerPt) / pitch);
            if (lines >= 2) {
                addNotes(entry, base, lines, notesLabel);
                given.add(base);
                grown++;
            }
        }
        for (Element entry : entries(dom)) {
            String base = notesId(entry);
            if (wanted.contains(base) && !given.contains(base) && !hasNotes(entry, base) && hasClass(entry, "entry")) {
                addNotes(entry, base, 3, notesLabel);
                given.add(base);
                grown++;
            }
        }
        number(dom, notesTip);
        return new Fitted(grown, risky, risky.isEmpty() ? Map.of() : pageStarts(all, pages), pages.size());
    }

    /**
     * What {@link #grow} did: how many blocks grew, and the drawing boxes grown above a pushed prompt's
     * empty shell (with their former style) that a second layout must confirm against the first's pages.
     */
    record Fitted(int grown, Map<Element, String> risky, Map<Element, Integer> startPages, int pageCount) {

        /** Whether a second layout is needed to confirm the growth. */
        boolean needsCheck() {
            return !risky.isEmpty();
        }

        /**
         * The layout {@code layOut} makes, with the risky growth confirmed on it ({@link #confirm}): when a
         * page starts elsewhere than in the measuring layout, those boxes get their former size back and
         * {@code layOut} runs once more. The real layout confirms, so a book is laid out twice, not three times.
         */
        <T> T confirmed(java.util.function.Supplier<T> layOut, java.util.function.Function<T, ITextRenderer> renderer) {
            T laid = layOut.get();
            if (needsCheck() && !confirm(renderer.apply(laid))) {
                laid = layOut.get();
            }
            return laid;
        }

        /**
         * Compares {@code again} (a layout of the grown document) with the first layout: when the page
         * count or the page any element starts on differs, the risky boxes get their former size back.
         * Returns whether they were kept.
         */
        boolean confirm(ITextRenderer again) {
            Map<Element, Box> boxes = new HashMap<>();
            List<Box> all = new ArrayList<>();
            collect(again.getRootBox(), boxes, all);
            List<PageBox> pages = again.getRootBox().getLayer().getPages();
            boolean same = pages.size() == pageCount && pageStarts(all, pages).entrySet().containsAll(startPages.entrySet());
            if (!same) {
                risky.forEach((e, style) -> {
                    if (style.isEmpty()) {
                        e.removeAttribute("style");
                    } else {
                        e.setAttribute("style", style);
                    }
                });
            }
            return same;
        }
    }

    /** The page every element's first box starts on. */
    private static Map<Element, Integer> pageStarts(List<Box> all, List<PageBox> pages) {
        Map<Element, Integer> starts = new HashMap<>();
        for (Box b : all) {
            if (b.getElement() != null && !starts.containsKey(b.getElement())) {
                PageBox page = pageOf(pages, b.getAbsY());
                starts.put(b.getElement(), page == null ? -1 : page.getPageNo());
            }
        }
        return starts;
    }

    /**
     * The answer id an entry's Notes space is named by: the entry's {@code data-notes} (the model's
     * {@code Entry.notesId()}), for a body before a letter its entry's, else the element's id and "-notes".
     */
    private static String notesId(Element entry) {
        Element holder = hasClass(entry, "entry") ? entry : entry.getParentNode() instanceof Element parent ? parent : entry;
        if (holder.hasAttribute("data-notes")) {
            return holder.getAttribute("data-notes");
        }
        return (holder.hasAttribute("id") && !holder.getAttribute("id").isEmpty() ? holder.getAttribute("id") : "entry") + "-notes";
    }

    /** Whether {@code entry} already holds rules of the Notes answer {@code base}. */
    private static boolean hasNotes(Element entry, String base) {
        NodeList divs = entry.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            if (NUMBERED.matcher(((Element) divs.item(i)).getAttribute("data-field")).matches()
                    && ((Element) divs.item(i)).getAttribute("data-field").startsWith(base + "-")
                    && ((Element) divs.item(i)).getAttribute("data-field").substring(base.length() + 1).matches("\\d+")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Numbers the rules of every added Notes space in reading order, one run per Notes answer (an
     * entry's body before a letter and the entry's end may both get some), with their tooltips.
     */
    private static void number(Document dom, java.util.function.BiFunction<String, Integer, String> notesTip) {
        Map<String, Integer> next = new HashMap<>();
        NodeList divs = dom.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element e = (Element) divs.item(i);
            if (hasClass(e, "line") && e.hasAttribute("data-notes-of")) {
                String base = e.getAttribute("data-notes-of");
                int n = next.merge(base, 1, Integer::sum);
                e.setAttribute("id", "fx-" + base + "-" + n);
                e.setAttribute("data-field", base + "-" + n);
                e.setAttribute("data-tip", notesTip.apply(e.getAttribute("data-notes-title"), n));
                e.removeAttribute("data-notes-of");
                e.removeAttribute("data-notes-title");
            }
        }
    }

    private static Element nextElement(Element e) {
        for (Node n = e.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element next) {
                return next;
            }
        }
        return null;
    }

    private static List<Element> entries(Document dom) {
        List<Element> entries = new ArrayList<>();
        NodeList divs = dom.getElementsByTagName("div");
        for (int i = 0; i < divs.getLength(); i++) {
            Element e = (Element) divs.item(i);
            if (hasClass(e, "entry")) {
                entries.add(e);
            }
            // An entry's body followed by a letter ends a page of its own too (the letter starts overleaf).
            if (hasClass(e, "body") && e.getNextSibling() != null && nextElement(e) != null && hasClass(nextElement(e), "letter-first")) {
                entries.add(e);
            }
        }
        return entries;
    }

    /**
     * Appends a labelled space of {@code lines} rules at the end of {@code entry}, each a form field's
     * place of the Notes answer {@code base} ({@link #number} names them once every space is added).
     */
    private static void addNotes(Element entry, String base, int lines, String notesLabel) {
        Document dom = entry.getOwnerDocument();
        String ns = entry.getNamespaceURI();
        Element space = dom.createElementNS(ns, "div");
        space.setAttribute("class", "space tail-notes");
        Element label = dom.createElementNS(ns, "p");
        label.setAttribute("class", "space-label");
        label.setTextContent(notesLabel); // in the book's language
        space.appendChild(label);
        String title = "";
        NodeList h1 = entry.getElementsByTagName("h1");
        if (h1.getLength() > 0) {
            title = h1.item(0).getTextContent().trim();
        }
        if (h1.getLength() == 0 && entry.getParentNode() instanceof Element parent && parent.getElementsByTagName("h1").getLength() > 0) {
            title = parent.getElementsByTagName("h1").item(0).getTextContent().trim();
        }
        for (int i = 1; i <= lines; i++) {
            Element rule = dom.createElementNS(ns, "div");
            rule.setAttribute("class", "line");
            rule.setAttribute("data-form", "text");
            rule.setAttribute("data-notes-of", base);
            rule.setAttribute("data-notes-title", title);
            space.appendChild(rule);
        }
        entry.appendChild(space);
    }

    /**
     * Where the last empty shell starts between {@code box}'s bottom and its page foot, when every box
     * starting there is one ({@link #pushedOverleaf}); -1 when something is really printed there.
     */
    private static int lastShellStart(Box box, int bottom, PageBox page, List<Box> all) {
        int last = -1;
        for (Box other : all) {
            if (other.getHeight() <= 0 || other == box || isAncestor(other, box) || isAncestor(box, other)) {
                continue;
            }
            int y = other.getAbsY();
            if (y >= bottom && y < page.getBottom()) {
                if (!pushedOverleaf(other, page)) {
                    return -1;
                }
                last = Math.max(last, y);
            }
        }
        return last;
    }

    /**
     * Whether {@code box} starts on {@code page} only as an empty shell: everything in it starts on a
     * later page (a prompt whose kept-together content did not fit begins here with its top margin only).
     */
    private static boolean pushedOverleaf(Box box, PageBox page) {
        if (box.getChildCount() == 0) {
            return box.getAbsY() >= page.getBottom();
        }
        for (Box child : box.getChildren()) {
            if (child.getHeight() > 0 && child.getAbsY() < page.getBottom() && !pushedOverleaf(child, page)) {
                return false;
            }
        }
        return true;
    }

    /** Whether nothing outside {@code box} starts between its bottom and the foot of its page. */
    private static boolean lastOnPage(Box box, int bottom, PageBox page, List<Box> all) {
        for (Box other : all) {
            if (other.getHeight() <= 0 || other == box || isAncestor(other, box) || isAncestor(box, other)) {
                continue;
            }
            int y = other.getAbsY();
            if (y >= bottom && y < page.getBottom()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAncestor(Box maybe, Box of) {
        for (Box b = of.getParent(); b != null; b = b.getParent()) {
            if (b == maybe) {
                return true;
            }
        }
        return false;
    }

    private static PageBox pageOf(List<PageBox> pages, int y) {
        for (PageBox page : pages) {
            if (y >= page.getTop() && y < page.getBottom()) {
                return page;
            }
        }
        return null;
    }

    private static void collect(Box box, Map<Element, Box> boxes, List<Box> all) {
        all.add(box);
        if (box.getElement() != null) {
            boxes.putIfAbsent(box.getElement(), box);
        }
        for (Box child : box.getChildren()) {
            collect(child, boxes, all);
        }
    }

    /** Appends {@code extra} rules after {@code last}, numbered on from it, each a form field's place. */
    private static void addRules(Element last, int extra) {
        Matcher field = NUMBERED.matcher(last.getAttribute("data-field"));
        if (!field.matches()) {
            return;
        }
        String base = field.group(1);
        int n = Integer.parseInt(field.group(2));
        String tip = LINE_TIP.matcher(last.getAttribute("data-tip")).replaceFirst("");
        Node after = last.getNextSibling();
        Node parent = last.getParentNode();
        for (int i = n + 1; i <= n + extra; i++) {
            Element rule = (Element) last.cloneNode(false);
            rule.setAttribute("id", "fx-" + base + "-" + i);
            rule.setAttribute("data-field", base + "-" + i);
            rule.setAttribute("data-tip", tip + " (line " + i + ")");
            parent.insertBefore(rule, after);
        }
    }

    private static Element lastLine(Element container) {
        NodeList lines = container.getElementsByTagName("div");
        Element last = null;
        for (int i = 0; i < lines.getLength(); i++) {
            Element e = (Element) lines.item(i);
            if (hasClass(e, "line")) {
                last = e;
            }
        }
        return last;
    }

    private static Element ancestorWith(Element e, String attribute) {
        for (Node n = e.getParentNode(); n instanceof Element a; n = a.getParentNode()) {
            if (a.hasAttribute(attribute)) {
                return a;
            }
        }
        return null;
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    static boolean hasClass(Element e, String name) {
        for (String c : e.getAttribute("class").split(" ")) {
            if (c.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
