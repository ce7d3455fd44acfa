package org.hearth;

import org.hearth.model.PageSize;

/**
 * How the PDF is made.
 *
 * @param pageSize a paper size that overrides workbook.yml, or null
 * @param fillable whether writing space gets form fields
 * @param booklet whether to also write a booklet imposed for folding ({@code workbook-booklet.pdf})
 */
public record PrintOptions(PageSize pageSize, boolean fillable, boolean booklet) {

    /** The PDF as workbook.yml describes it. */
    public static final PrintOptions DEFAULT = new PrintOptions(null, false, false);
}
