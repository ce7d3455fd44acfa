package org.hearth.i18n;

import java.util.Map;

/** What a language's edition does with a page, exercise or prompt it has no translation of ({@code missing:}). */
public enum Missing {
    /** Use the default language's text (the default: nothing the book needs goes missing). */
    FALLBACK,
    /** Leave it out of that language's edition. */
    OMIT;

    /** The values {@code missing:} accepts. */
    public static Map<String, Missing> byLabel() {
        return Map.of("fallback", FALLBACK, "omit", OMIT);
    }
}
