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
        org.hearth.i18n.Catalogue messages) {

    /** The page's mirrored side margins (the template's {@code @page :left/:right}). */
    public Margins margins() {
        return Margins.of(workbook.book().pageSize());
    }

    /** {@code t("key")} in a template: the interface string in the book's language. */
    public String t(String key) {
        return messages.t(key);
    }

    /** {@code t("key", arg)}: the string with {@code {0}} replaced. */
    public String t(String key, Object a) {
        return messages.t(key, a);
    }

    /** {@code t("key", a, b)}: the string with {@code {0}} and {@code {1}} replaced. */
    public String t(String key, Object a, Object b) {
        return messages.t(key, a, b);
    }

    /** {@code t("key", a, b, c, d)}: the string with {@code {0}} to {@code {3}} replaced. */
    public String t(String key, Object a, Object b, Object c, Object d) {
        return messages.t(key, a, b, c, d);
    }

    /** {@code q(text)}: text between the language's quotation marks. */
    public String q(String text) {
        return messages.quote(text);
    }

    /** {@code date("2026-12-01")}: an ISO date in the language's short format. */
    public String date(String iso) {
        return messages.date(iso);
    }
}
