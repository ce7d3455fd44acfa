package org.hearth;

import org.hearth.model.PageSize;

/**
 * How the PDF is made.
 *
 * @param pageSize a paper size that overrides workbook.yml, or null
 * @param fillable whether writing space gets form fields
 * @param booklet whether to also write a booklet imposed for folding ({@code workbook-booklet.pdf})
 * @param rightHand whether each exercise starts on a right-hand page (a blank page is inserted when needed)
 */
public record PrintOptions(PageSize pageSize, boolean fillable, boolean booklet, boolean rightHand) {

    /** The PDF as workbook.yml describes it. */
    public static final PrintOptions DEFAULT = new PrintOptions(null, false, false, false);
}
