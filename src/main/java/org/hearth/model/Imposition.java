package org.hearth.model;

/**
 * How the folded booklet's sheets are prepared for the press, from workbook.yml's {@code pdf:} section.
 *
 * @param foldMarks whether each sheet gets a hairline mark at the head and foot of its fold ({@code fold_marks})
 * @param creepMm how far the innermost sheet's pages move towards the spine, in millimetres, the
 *     sheets between moving in proportion ({@code creep_mm}); 0 for none
 */
public record Imposition(boolean foldMarks, double creepMm) {

    /** No fold marks and no creep allowance: the booklet as most home printers fold it untrimmed. */
    public static final Imposition NONE = new Imposition(false, 0);
}
