package org.hearth.markdown;

import java.util.Optional;

/**
 * Measures how deeply Markdown nests before flexmark sees it: flexmark builds and renders nested
 * quotes, lists, links and emphasis recursively, so thousands of levels end in a stack overflow.
 * Like other CommonMark implementations, Hearth caps nesting, far above what any workbook uses.
 * The measure is a cheap over-estimate on purpose: it may count a level flexmark would not, never
 * miss one it would build.
 */
final class NestingLimit {

    /** Block quotes, list items and callouts inside one another. */
    static final int CONTAINERS = 32;
    /** Link and image brackets and emphasis marks open at once inside one paragraph. */
    static final int INLINE = 32;

    /**
     * Where the limit is first passed.
     *
     * @param offset character offset of the first mark beyond the limit
     * @param depth how deep the nesting there goes
     * @param limit the limit passed
     * @param what what is nested, for the message
     */
    record Violation(int offset, int depth, int limit, String what) {

        String message() {
            return what + " nested " + depth + " levels deep; the limit is " + limit;
        }
    }

    Optional<Violation> check(String text) {
        int inlineDepth = 0;
        int emphasis = 0;
        int inlineMax = 0;
        int inlineOver = -1;
        String fence = null;
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            if (end < 0) {
                end = text.length();
            }
            // Containers: markers at the start of the line, plus the indentation before them.
            int i = lineStart;
            int markers = 0;
            int indent = 0;
            int over = -1;
            while (i < end) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t') {
                    if (markers == 0) {
                        indent += c == '\t' ? 4 : 1;
                    }
                    i++;
                    continue;
                }
                int after = marker(text, i, end);
                if (after < 0) {
                    break;
                }
                markers++;
                if (markers + indent / 2 > CONTAINERS && over < 0) {
                    over = i;
                }
                i = after;
            }
            String rest = text.substring(i, end);
            boolean paragraphEnds = false;
            if (fence != null) {
                if (rest.trim().startsWith(fence)) {
                    fence = null; // code lines are text to flexmark: nothing in them nests
                }
                lineStart = end + 1;
                continue;
            }
            if (over >= 0) {
                return Optional.of(new Violation(over, markers + indent / 2, CONTAINERS, "block quotes and lists"));
            }
            if (rest.startsWith("```") || rest.startsWith("~~~")) {
                fence = rest.substring(0, 3);
                paragraphEnds = true;
            } else if (rest.isBlank()) {
                paragraphEnds = true;
            } else {
                // Inline: brackets and emphasis marks still open, across the lines of one paragraph.
                for (int j = i; j < end; j++) {
                    char c = text.charAt(j);
                    if (c == '\\') {
                        j++;
                        continue;
                    } else if (c == '[') {
                        inlineDepth++;
                    } else if (c == ']') {
                        inlineDepth = Math.max(0, inlineDepth - 1);
                    } else if (c == '*' || c == '_') {
                        int run = j;
                        while (run < end && text.charAt(run) == c) {
                            run++;
                        }
                        boolean opens = run < end && !Character.isWhitespace(text.charAt(run));
                        boolean closes = j > lineStart && !Character.isWhitespace(text.charAt(j - 1));
                        if (closes && (!opens || emphasis > 0)) {
                            emphasis = Math.max(0, emphasis - (run - j));
                        } else if (opens) {
                            emphasis += run - j;
                        }
                        j = run - 1;
                    } else {
                        continue;
                    }
                    int now = inlineDepth + emphasis;
                    if (now > INLINE && inlineOver < 0) {
                        inlineOver = j;
                    }
                    inlineMax = Math.max(inlineMax, now);
                }
            }
            if (paragraphEnds || end == text.length()) {
                if (inlineOver >= 0) {
                    return Optional.of(new Violation(inlineOver, inlineMax, INLINE, "links and emphasis"));
                }
                inlineDepth = 0; // a paragraph's end closes every bracket and mark still open
                emphasis = 0;
                inlineMax = 0;
            }
            lineStart = end + 1;
        }
        return Optional.empty();
    }

    /**
     * The index after a container marker starting at {@code i} ({@code >}, a bullet or an ordered
     * list number followed by a space or the line's end, or a callout's {@code !!!}), or -1.
     */
    private static int marker(String text, int i, int end) {
        char c = text.charAt(i);
        if (c == '>') {
            return i + 1;
        }
        if (c == '-' || c == '+' || c == '*') {
            return i + 1 == end || text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t' ? i + 1 : -1;
        }
        if (text.startsWith("!!!", i)) {
            return i + 3;
        }
        int j = i;
        while (j < end && j - i < 9 && Character.isDigit(text.charAt(j))) {
            j++;
        }
        if (j > i && j < end && (text.charAt(j) == '.' || text.charAt(j) == ')')
                && (j + 1 == end || text.charAt(j + 1) == ' ' || text.charAt(j + 1) == '\t')) {
            return j + 1;
        }
        return -1;
    }
}
