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
 * @param messages the interface strings of the workbook's language
 */
public record PrintView(Workbook workbook, boolean fillable, boolean rightHand, Keepsake answers,
        org.hearth.i18n.Catalogue messages) implements org.hearth.i18n.CatalogueView {

    /** The page's mirrored side margins (the template's {@code @page :left/:right}). */
    public Margins margins() {
        return Margins.of(workbook.book().pageSize());
    }
}
