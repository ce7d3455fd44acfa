package org.hearth.render.pdf;

import org.hearth.model.Workbook;

/**
 * What the print templates see.
 *
 * @param workbook the workbook
 * @param fillable whether writing space gets form fields
 * @param rightHand whether exercises start on right-hand pages
 */
public record PrintView(Workbook workbook, boolean fillable, boolean rightHand) {

    /** The page's mirrored side margins (the template's {@code @page :left/:right}). */
    public Margins margins() {
        return Margins.of(workbook.book().pageSize());
    }
}
