package org.hearth.render.pdf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.render.Box;
import org.xhtmlrenderer.render.PageBox;

/**
 * What each laid-out page is: the template marks the blocks that start pages ({@code data-page}
 * = cover, front, opener, opening or body, with an optional {@code data-running} head) and the
 * layout says on which page each one starts. Folios, running heads and page labels follow from it.
 *
 * @param pages one entry per page, in order
 * @param firstBody index of the first page numbered in arabic figures (the first part opener)
 */
record PageMap(List<Page> pages, int firstBody) {

    /** Kinds of page, as the template marks them. */
    enum Kind { COVER, FRONT, OPENER, OPENING, BODY }

    /**
     * One page.
     *
     * @param kind what starts on it, or BODY (FRONT in the front matter) for a continued page
     * @param running the running head for a continued page, or empty
     */
    record Page(Kind kind, String running) {
    }

    /** Whether page {@code index} (0-based) is numbered in the front matter's roman figures. */
    boolean roman(int index) {
        return index < firstBody;
    }

    /** The printed folio of page {@code index} (0-based), and its page label. */
    String folio(int index) {
        return roman(index) ? Roman.lower(index + 1) : Integer.toString(index - firstBody + 1);
    }

    private static void firstBoxes(Box box, Map<Element, String> wanted, Map<String, Integer> starts, List<PageBox> pages) {
        String id = box.getElement() == null ? null : wanted.get(box.getElement());
        if (id != null && !starts.containsKey(id)) {
            int y = box.getAbsY();
            for (PageBox page : pages) {
                if (y >= page.getTop() && y < page.getBottom()) {
                    starts.put(id, page.getPageNo());
                    break;
                }
            }
        }
        for (Box child : box.getChildren()) {
            firstBoxes(child, wanted, starts, pages);
        }
    }

    /** Reads the marks from the DOM and their pages from the renderer, after {@code layout()}. */
    static PageMap of(ITextRenderer renderer, Document dom) {
        Map<String, Element> marks = Marks.byId(dom, "data-page");
        int count = renderer.getRootBox().getLayer().getPages().size();
        List<Page> pages = new ArrayList<>();
        Map<String, Integer> starts = new LinkedHashMap<>();
        // A box's first page is where its top lies; Flying Saucer's own page positions name a later page
        // for boxes that run over several pages.
        List<PageBox> pageBoxes = renderer.getRootBox().getLayer().getPages();
        Map<Element, String> wanted = new java.util.HashMap<>();
        marks.forEach((id, e) -> wanted.put(e, id));
        firstBoxes(renderer.getRootBox(), wanted, starts, pageBoxes);
        Kind[] kinds = new Kind[count];
        String[] running = new String[count];
        int firstBody = -1;
        for (Map.Entry<String, Element> m : marks.entrySet()) {
            Integer page = starts.get(m.getKey());
            if (page == null || page < 0 || page >= count) {
                continue;
            }
            Kind kind = Kind.valueOf(m.getValue().getAttribute("data-page").toUpperCase(java.util.Locale.ROOT));
            if (kinds[page] == null || kinds[page] == Kind.BODY || kind == Kind.OPENER) {
                kinds[page] = kind;
                running[page] = m.getValue().getAttribute("data-running");
            }
            if (kind == Kind.OPENER && firstBody < 0) {
                firstBody = page;
            }
        }
        Kind current = Kind.COVER;
        String head = "";
        for (int i = 0; i < count; i++) {
            if (kinds[i] != null) {
                current = kinds[i];
                head = running[i];
                pages.add(new Page(kinds[i], kinds[i] == Kind.BODY ? head : ""));
            } else {
                pages.add(new Page(current == Kind.FRONT || current == Kind.COVER ? Kind.FRONT : Kind.BODY,
                        current == Kind.FRONT || current == Kind.COVER || current == Kind.OPENER ? "" : head));
            }
        }
        return new PageMap(List.copyOf(pages), firstBody < 0 ? 0 : firstBody);
    }
}
