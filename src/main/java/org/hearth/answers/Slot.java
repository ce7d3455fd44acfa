package org.hearth.answers;

/**
 * One answer field of a workbook, as the site and the fillable PDF both name it.
 *
 * @param id the answer id
 * @param kind what it holds
 * @param question its label (the prompt's text, with the item or cell), as the site's export writes it
 * @param page the title of the page it is on, or empty for "My prompts" and the plan
 */
public record Slot(String id, Kind kind, String question, String page) {

    /** What an answer field holds. */
    public enum Kind {
        /** Text on ruled lines (a prompt, a rating's note, a writing space). */
        LINES,
        /** Text in an open box. */
        BOX,
        /** A check box. */
        TICK,
        /** A rating's number. */
        RATING,
        /** A self-check cell's score. */
        CELL,
        /** A self-check column's date. */
        DATE
    }
}
