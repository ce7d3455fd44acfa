package org.hearth.render.pdf;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The elements the print template marks for what happens after layout (pages that start, form
 * fields), found by their attribute; the layout is then asked where each one landed, by its id.
 */
final class Marks {

    private Marks() {
    }

    /** Every element with {@code attribute} and an id, by id, in document order. */
    static Map<String, Element> byId(Document dom, String attribute) {
        Map<String, Element> marks = new LinkedHashMap<>();
        NodeList all = dom.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttribute(attribute) && !e.getAttribute("id").isEmpty()) {
                marks.put(e.getAttribute("id"), e);
            }
        }
        return marks;
    }
}
