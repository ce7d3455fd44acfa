package org.hearth.diag;

/**
 * Text from a file made safe to quote in a message: control characters, bidi overrides and other
 * invisible format characters are shown as {@code &#92;u{202E}} instead of reaching the terminal, where
 * they could reorder or hide what the message says (Trojan Source); very long names are cut.
 */
public final class Shown {

    /** The longest name quoted whole, in code points. */
    static final int LONGEST = 80;

    private Shown() {
    }

    /** {@code name} (a key, id, title or field name from a file) escaped and cut to {@link #LONGEST} code points. */
    public static String name(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (shown++ == LONGEST) {
                return out.append('…').toString();
            }
            out.append(unsafe(c) ? escape(c) : new String(Character.toChars(c)));
        }
        return out.toString();
    }

    /**
     * A whole message or hint with every unsafe character escaped but its line breaks kept: the
     * last line of defence for a message that quotes a file without {@link #name}.
     */
    public static String message(String text) {
        if (text == null) {
            return null;
        }
        boolean clean = true;
        for (int i = 0; i < text.length() && clean; ) {
            int c = text.codePointAt(i);
            clean = c == '\n' || !unsafe(c);
            i += Character.charCount(c);
        }
        if (clean) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            out.append(c != '\n' && unsafe(c) ? escape(c) : new String(Character.toChars(c)));
        }
        return out.toString();
    }

    /**
     * Whether a character must not reach a terminal or log raw: C0 and C1 controls (tab and line
     * breaks included), DEL, format characters (bidi embeddings, overrides and isolates, zero-width
     * and soft hyphen, BOM), line and paragraph separators, lone surrogates, private-use and unassigned ones.
     */
    public static boolean unsafe(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                    Character.PRIVATE_USE, Character.UNASSIGNED -> true;
            default -> c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers: blank yet not spaces
                    || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF); // variation selectors
        };
    }

    private static String escape(int c) {
        return String.format(java.util.Locale.ROOT, "\\u{%X}", c);
    }
}
