package org.hearth.source;

/**
 * Typographic quotes for prose read from YAML, matching what the Markdown renderer does for
 * bodies, so a title, prompt or label never shows a straight quote next to curly ones.
 */
public final class Typography {

    /** Characters after which a quote opens rather than closes. */
    private static final String OPENERS = "([{\u2014\u2013-/\u201c\u2018";

    private Typography() {
    }

    /** {@code text} with straight double and single quotes turned into curly ones. */
    public static String curl(String text) {
        if (text.indexOf('"') < 0 && text.indexOf('\'') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char prev = i == 0 ? ' ' : text.charAt(i - 1);
            boolean opens = Character.isWhitespace(prev) || OPENERS.indexOf(prev) >= 0;
            if (c == '"') {
                out.append(opens ? '\u201c' : '\u201d');
            } else if (c == '\'') {
                // An apostrophe inside a word (don't, Maya's) is a closing single quote.
                out.append(opens ? '\u2018' : '\u2019');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
