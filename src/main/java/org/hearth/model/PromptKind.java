package org.hearth.model;

import java.util.Locale;
import java.util.Map;

/** The shape of a prompt's answer, which decides the writing space it gets in print and on screen. */
public enum PromptKind {
    /** A question answered on ruled lines. */
    JOURNAL,
    /** A letter with a printed opening line. */
    LETTER,
    /** A statement to say to yourself in the mirror, with a few lines for how it felt. */
    MIRROR,
    /** A list of items with tick boxes. */
    CHECKLIST,
    /** A number on a scale, with an optional note. */
    RATING,
    /** An open box for drawing or free writing. */
    BOX;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Map<String, PromptKind> byLabel() {
        return Labels.lowerCase(values());
    }
}
