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
 * @param fill the answers a filled fillable edition puts in its fields, or null
 */
public record PrintView(Workbook workbook, boolean fillable, boolean rightHand, Keepsake answers,
        org.hearth.i18n.Catalogue messages, org.hearth.answers.FormFill fill) implements org.hearth.i18n.CatalogueView {

    /** Whether the filled fillable edition has an answer for {@code id}, which then needs its field whatever the theme leaves out. */
    public boolean typed(String id) {
        return fill != null && fill.has(id);
    }

    /** The page's mirrored side margins (the template's {@code @page :left/:right}). */
    public Margins margins() {
        return Margins.of(workbook.book().pageSize());
    }
}
