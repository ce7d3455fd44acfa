package org.hearth.render.pdf;

import org.hearth.model.PageSize;

/**
 * The mirrored side margins of each paper size, in millimetres: a wider inner margin for binding
 * and an outer margin wide enough that a line of body text holds about 70 characters (a book's
 * 60–75), which on A4 and Letter leaves a broad outer margin for notes.
 *
 * @param inner the binding side
 * @param outer the fore-edge side
 */
public record Margins(double inner, double outer) {

    /** The margins for {@code size}; the print template and the folios both read them here. */
    public static Margins of(PageSize size) {
        return switch (size) {
            case A4 -> new Margins(24, 49);
            case LETTER -> new Margins(25, 55);
            case A5 -> new Margins(17, 21);
            case HALF_LETTER -> new Margins(17, 12);
            case SIX_BY_NINE -> new Margins(17, 27);
        };
    }
}
