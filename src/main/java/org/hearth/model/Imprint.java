package org.hearth.model;

/**
 * What the PDF's imprint page (the back of the title page) says about this edition, from
 * {@code imprint:} in workbook.yml.
 *
 * @param edition the edition's name, such as "First edition", or empty
 * @param date when it was published, as the author writes it ("December 2026"), or empty
 * @param licence the terms on which it may be copied, or empty
 */
public record Imprint(String edition, String date, String licence) {

    /** No imprint details: the page still names the title, author and the care note. */
    public static final Imprint NONE = new Imprint("", "", "");
}
