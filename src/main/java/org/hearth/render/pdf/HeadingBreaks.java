package org.hearth.render.pdf;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.Text;

/**
 * Headings (and the summaries under titles) that never end on one word alone: a book designer
 * would not let "Understanding your inner" stand over a lone "child". The last two words of one of
 * three words or more go in a {@code <span class="nobreak">}, which print.css sets as an
 * inline-block that does not wrap (Flying Saucer will not break before a mere no-wrap inline, and
 * the heading ran off the page), so a heading that must wrap takes two words to its last line.
 * Flying Saucer has no {@code text-wrap: balance}, so this is done on the document before layout;
 * a span rather than a no-break space keeps the text that search, copying and screen readers get
 * exactly as written.
 */
final class HeadingBreaks {

    /** The longest pair bound (in characters): a longer one might not fit a narrow page's line. */
    static final int MAX_PAIR = 20;
    /** The paragraphs under titles, which are set large and read like headings. */
    private static final java.util.Set<String> SUMMARIES = java.util.Set.of("entry-summary", "part-summary");

    private HeadingBreaks() {
    }

    /** Keeps together the last two words of every h1 to h4 and every title's summary in {@code dom}. */
    static void bindLastWords(Document dom) {
        for (String tag : new String[] {"h1", "h2", "h3", "h4", "p"}) {
            NodeList headings = dom.getElementsByTagName(tag);
            for (int i = 0; i < headings.getLength(); i++) {
                Element e = (Element) headings.item(i);
                if (!tag.equals("p") || SUMMARIES.contains(e.getAttribute("class"))) {
                    bind(e);
                }
            }
        }
    }

    private static void bind(Element heading) {
        if (heading.getTextContent().strip().split("\\s+").length < 3) {
            return; // two words may still need to wrap on a narrow page
        }
        Text last = lastText(heading);
        if (last == null) {
            return;
        }
        String s = last.getData();
        int end = s.stripTrailing().length();
        int space = s.lastIndexOf(' ', end - 1);
        // Only when both words sit in this one run of text: a space before an inline element
        // (an emphasis, a link) is left alone rather than guessed across elements.
        if (space <= 0 || s.charAt(space - 1) == ' ') {
            return;
        }
        int before = s.lastIndexOf(' ', space - 1);
        if (end - (before + 1) > MAX_PAIR) {
            return;
        }
        // A word of one or two letters before the pair goes with it ("la paz / a cualquier precio",
        // "the peace / at any cost"): Spanish setting never ends a line on such a word, and
        // English reads better for it.
        while (before > 0 && s.charAt(before - 1) != ' ') {
            int previous = s.lastIndexOf(' ', before - 1);
            if (before - (previous + 1) > 2 || end - (previous + 1) > MAX_PAIR) {
                break;
            }
            before = previous;
        }
        // "Understanding your inner child" becomes "Understanding your " + <span>inner child</span>.
        Element pair = last.getOwnerDocument().createElementNS(last.getParentNode().getNamespaceURI(), "span");
        pair.setAttribute("class", "nobreak");
        pair.setTextContent(s.substring(before + 1, end));
        last.getParentNode().insertBefore(pair, last.getNextSibling());
        if (end < s.length()) {
            last.getParentNode().insertBefore(last.getOwnerDocument().createTextNode(s.substring(end)), pair.getNextSibling());
        }
        last.setData(s.substring(0, before + 1));
    }

    /** The last text node in {@code e} that holds more than white space, or null. */
    private static Text lastText(Node e) {
        for (Node c = e.getLastChild(); c != null; c = c.getPreviousSibling()) {
            if (c instanceof Text t) {
                if (!t.getData().isBlank()) {
                    return t;
                }
            } else if (c instanceof Element) {
                Text inside = lastText(c);
                if (inside != null) {
                    return inside; // the heading's last words are inside this element
                }
            }
        }
        return null;
    }
}
