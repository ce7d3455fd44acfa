package org.hearth.i18n;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A language's quotation marks by depth (Spanish « », then “ ”, then ‘ ’; English “ ”, then ‘ ’),
 * applied to text whose marks say only where quotations open and close, whatever their shape.
 *
 * @param pairs the opening and closing mark of each depth, outermost first; deeper quotations
 *     cycle through the inner pairs again
 */
public record QuoteMarks(List<String[]> pairs) {

    /** Opening marks a quotation may start with in rendered text (the typographer's and « written by hand). */
    private static final String DOUBLE_OPEN = "\u201c\u00ab";
    private static final String DOUBLE_CLOSE = "\u201d\u00bb";
    private static final char SINGLE_OPEN = '\u2018';
    private static final char SINGLE_CLOSE = '\u2019';

    public QuoteMarks {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no quotation marks");
        }
        pairs = List.copyOf(pairs);
    }

    /**
     * The marks of {@code catalogue}: {@code quote.open}/{@code quote.close} outermost, then the
     * space-separated pairs of {@code quote.nested} ("‘ ’" in English, "“ ” ‘ ’" in Spanish).
     */
    public static QuoteMarks of(Catalogue catalogue) {
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {catalogue.t("quote.open"), catalogue.t("quote.close")});
        String nested = catalogue.messages().getOrDefault("quote.nested", "").strip();
        if (!nested.isEmpty()) {
            String[] marks = nested.split("\\s+");
            for (int i = 0; i + 1 < marks.length; i += 2) {
                pairs.add(new String[] {marks[i], marks[i + 1]});
            }
        }
        return new QuoteMarks(pairs);
    }

    /** The pair for a quotation {@code depth} levels deep (0 outermost). */
    String[] at(int depth) {
        if (depth < pairs.size()) {
            return pairs.get(depth);
        }
        int inner = pairs.size() - 1;
        return inner == 0 ? pairs.get(0) : pairs.get(1 + (depth - 1) % inner);
    }

    /**
     * {@code html} with each quotation's marks those of its depth, the outermost at {@code depth}
     * ({@code 1} for text that will itself be quoted). Double marks always open or close a
     * quotation; single ones only inside another, since outside one ’ is as often an apostrophe.
     * Tags are left alone, code is left alone, and every paragraph-like element starts afresh so
     * one unbalanced mark cannot shift the rest of the page.
     */
    public String apply(String html, int depth) {
        StringBuilder out = new StringBuilder(html.length() + 16);
        Deque<Boolean> open = new ArrayDeque<>(); // true for a double-mark quotation, false for a single
        int code = 0;
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i);
                if (end < 0) {
                    out.append(html, i, html.length());
                    break;
                }
                String tag = html.substring(i, end + 1).toLowerCase(java.util.Locale.ROOT);
                if (tag.startsWith("<code") || tag.startsWith("<pre")) {
                    code++;
                } else if ((tag.startsWith("</code") || tag.startsWith("</pre")) && code > 0) {
                    code--;
                } else if (startsBlock(tag)) {
                    open.clear();
                }
                out.append(html, i, end + 1);
                i = end + 1;
                continue;
            }
            if (code > 0) {
                out.append(c);
                i++;
                continue;
            }
            if (DOUBLE_OPEN.indexOf(c) >= 0 || (c == SINGLE_OPEN && depth + open.size() > 0)) {
                out.append(at(depth + open.size())[0]);
                open.push(c != SINGLE_OPEN);
            } else if (DOUBLE_CLOSE.indexOf(c) >= 0) {
                // Close the innermost double quotation, and any single one left open inside it.
                while (!open.isEmpty() && !open.peek()) {
                    open.pop();
                }
                if (!open.isEmpty()) {
                    open.pop();
                }
                out.append(at(depth + open.size())[1]);
            } else if (c == SINGLE_CLOSE && !open.isEmpty() && !open.peek() && !letterAt(html, i + 1)) {
                open.pop();
                out.append(at(depth + open.size())[1]);
            } else {
                out.append(c);
            }
            i++;
        }
        return out.toString();
    }

    /** Whether {@code tag} opens or closes an element a quotation does not run across. */
    private static boolean startsBlock(String tag) {
        String name = tag.replaceFirst("^</?", "").replaceFirst("[\\s/>].*$", "");
        return switch (name) {
            case "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "div", "blockquote", "figcaption",
                    "section", "ul", "ol", "table", "tr" -> true;
            default -> false;
        };
    }

    private static boolean letterAt(String s, int i) {
        return i < s.length() && Character.isLetterOrDigit(s.charAt(i));
    }
}
