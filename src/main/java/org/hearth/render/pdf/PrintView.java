package org.hearth.render.pdf;

import org.hearth.answers.Keepsake;
import org.hearth.model.Workbook;

/**
 * What the print templates see.
 *
 * @param workbook the workbook
 * @param fillable whether writing space gets form fields
 * @param rightHand whether exercises start on right-hand pages
 * @param answers a person's answers to print in place of the empty lines (a keepsake), or null
 */
public record PrintView(Workbook workbook, boolean fillable, boolean rightHand, Keepsake answers) {

    /** The view of a workbook without answers. */
    public PrintView(Workbook workbook, boolean fillable, boolean rightHand) {
        this(workbook, fillable, rightHand, null);
    }

    /** The page's mirrored side margins (the template's {@code @page :left/:right}). */
    public Margins margins() {
        return Margins.of(workbook.book().pageSize());
    }
}
