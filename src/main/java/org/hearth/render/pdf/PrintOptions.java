package org.hearth.render.pdf;

import org.hearth.model.PageSize;
import org.hearth.model.PdfStandard;

/**
 * How the PDF is made.
 *
 * @param pageSize a paper size that overrides workbook.yml, or null
 * @param fillable whether writing space gets form fields
 * @param booklet whether to also write a booklet imposed for folding ({@code workbook-booklet.pdf})
 * @param rightHand whether each exercise starts on a right-hand page (a blank page is inserted when needed)
 * @param standard the PDF standard to meet ({@code --pdf-standard}), or null for workbook.yml's
 * @param foldMarks whether the booklet's sheets get fold marks ({@code --fold-marks}; workbook.yml's
 *     {@code pdf: fold_marks:} can also ask for them)
 */
public record PrintOptions(PageSize pageSize, boolean fillable, boolean booklet, boolean rightHand, PdfStandard standard,
        boolean foldMarks) {

    /** The PDF as workbook.yml describes it. */
    public static final PrintOptions DEFAULT = new PrintOptions(null, false, false, false);

    /** Options that leave the PDF standard to workbook.yml. */
    public PrintOptions(PageSize pageSize, boolean fillable, boolean booklet, boolean rightHand) {
        this(pageSize, fillable, booklet, rightHand, null);
    }

    /** Options without fold marks on the command line. */
    public PrintOptions(PageSize pageSize, boolean fillable, boolean booklet, boolean rightHand, PdfStandard standard) {
        this(pageSize, fillable, booklet, rightHand, standard, false);
    }
}
