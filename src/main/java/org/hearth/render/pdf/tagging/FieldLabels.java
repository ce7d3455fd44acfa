package org.hearth.render.pdf.tagging;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a form field is for, in words, taken from the page around it: the prompt it answers, and
 * for a check box its item, for a radio button its value, for a table cell its row and column.
 * Screen readers announce this as the field's tooltip ({@code /TU}).
 */
final class FieldLabels {

    private FieldLabels() {
    }

    static String label(Element input) {
        String base = prompt(input);
        String type = input.getAttribute("type");
        Element cell = ancestor(input, "td");
        String detail = "";
        if ("radio".equals(type)) {
            detail = input.getAttribute("value");
        } else if ("checkbox".equals(type) && cell != null) {
            detail = siblingText(cell);
        } else if (cell != null) {
            detail = cellContext(cell);
        }
        if (base.isEmpty()) {
            base = input.getAttribute("name");
        }
        return detail.isEmpty() ? base : base + ": " + detail;
    }

    /** The question a field answers, without the item or value it stands for. */
    static String question(Element input) {
        String base = prompt(input);
        return base.isEmpty() ? input.getAttribute("name") : base;
    }

    /**
     * The nearest prompt, label or heading before the field, within its block; a label inside a
     * prompt (such as "A note" under a rating) comes after the prompt's own text.
     */
    private static String prompt(Element input) {
        for (Node n = input.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            Element found = last(e, input);
            if (found != null) {
                String label = textWithoutNumber(found);
                Element prompt = enclosingPrompt(input);
                Element question = prompt == null ? null : first(prompt, "prompt-text");
                return question == null || question == found ? label : textWithoutNumber(question) + ": " + label;
            }
        }
        return "";
    }

    private static Element enclosingPrompt(Element input) {
        for (Node n = input.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            if ((" " + e.getAttribute("class") + " ").contains(" prompt ")) {
                return e;
            }
        }
        return null;
    }

    private static Element first(Element scope, String cls) {
        for (Node c = scope.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if ((" " + e.getAttribute("class") + " ").contains(" " + cls + " ")) {
                    return e;
                }
                Element inner = first(e, cls);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The last labelling element inside {@code scope} that comes before {@code input}. */
    private static Element last(Element scope, Element input) {
        Element[] found = {null};
        walk(scope, input, found);
        return found[0];
    }

    private static boolean walk(Node n, Element stop, Element[] found) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c == stop) {
                return true;
            }
            if (c instanceof Element e) {
                String cls = " " + e.getAttribute("class") + " ";
                String name = e.getLocalName();
                if (cls.contains(" prompt-text ") || cls.contains(" space-label ") || cls.contains(" cover-for ")
                        || cls.contains(" tracker-title ") || (name != null && name.matches("h[1-6]"))) {
                    found[0] = e;
                }
                if (walk(e, stop, found)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String textWithoutNumber(Element e) {
        StringBuilder b = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element s && (" " + s.getAttribute("class") + " ").contains(" n ")) {
                continue;
            }
            b.append(c.getTextContent());
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    private static Element ancestor(Element e, String name) {
        for (Node n = e.getParentNode(); n instanceof Element p; n = p.getParentNode()) {
            if (name.equalsIgnoreCase(p.getLocalName())) {
                return p;
            }
        }
        return null;
    }

    /** The text of the other cells in a check box's row (the item it ticks). */
    private static String siblingText(Element cell) {
        StringBuilder b = new StringBuilder();
        for (Node c = cell.getParentNode().getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c != cell && c instanceof Element) {
                b.append(' ').append(c.getTextContent());
            }
        }
        return b.toString().replaceAll("\\s+", " ").strip();
    }

    /** A table cell's row heading (its row's first cell) and column heading (the header row's cell above). */
    private static String cellContext(Element cell) {
        Element row = (Element) cell.getParentNode();
        int column = 0;
        for (Node c = row.getFirstChild(); c != null && c != cell; c = c.getNextSibling()) {
            if (c instanceof Element) {
                column++;
            }
        }
        String rowHead = "";
        for (Node c = row.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element first) {
                rowHead = first == cell ? "" : TagTree.text(first);
                break;
            }
        }
        String columnHead = "";
        Element table = ancestor(cell, "table");
        if (table != null) {
            Node head = table.getElementsByTagNameNS("*", "tr").item(0);
            if (head != null) {
                int i = 0;
                for (Node c = head.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element e && i++ == column) {
                        columnHead = TagTree.text(e);
                    }
                }
            }
        }
        return (rowHead + (rowHead.isEmpty() || columnHead.isEmpty() ? "" : ", ") + columnHead).strip();
    }
}
