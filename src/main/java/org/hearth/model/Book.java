package org.hearth.model;

/**
 * What the templates need to know about the book as a whole.
 *
 * @param title title
 * @param subtitle subtitle, or empty
 * @param author author, or empty
 * @param language BCP 47 language tag
 * @param pageSize the PDF's paper size
 * @param baseUrl the site's public address, or empty
 * @param edition client or facilitator
 * @param personName who this copy is for, or empty
 * @param startDate the person's start date as YYYY-MM-DD, or empty
 * @param dedication a dedication line, or empty
 * @param pdfStandard the PDF standard workbook.yml asks for, or null for the strictest
 * @param id the workbook's stable id, which keys the answers saved in a browser
 * @param imprint what the imprint page says about this edition
 * @param notesPages how many Notes pages close the PDF
 * @param imposition fold marks and creep allowance for the folded booklet
 */
public record Book(String title, String subtitle, String author, String language, PageSize pageSize, String baseUrl,
        Edition edition, String personName, String startDate, String dedication, PdfStandard pdfStandard,
        String id, Imprint imprint, int notesPages, Imposition imposition) {

    /** A book whose booklet has neither fold marks nor creep allowance. */
    public Book(String title, String subtitle, String author, String language, PageSize pageSize, String baseUrl,
            Edition edition, String personName, String startDate, String dedication, PdfStandard pdfStandard,
            String id, Imprint imprint, int notesPages) {
        this(title, subtitle, author, language, pageSize, baseUrl, edition, personName, startDate, dedication, pdfStandard, id,
                imprint, notesPages, Imposition.NONE);
    }

    /** A copy set on another paper size. */
    public Book withPageSize(PageSize size) {
        return new Book(title, subtitle, author, language, size, baseUrl, edition, personName, startDate, dedication, pdfStandard, id,
                imprint, notesPages, imposition);
    }

    /** A copy closed by {@code pages} Notes pages (a booklet pads itself to whole sheets with them). */
    public Book withNotesPages(int pages) {
        return new Book(title, subtitle, author, language, pageSize, baseUrl, edition, personName, startDate, dedication, pdfStandard, id,
                imprint, pages, imposition);
    }

    /** The answer id of the {@code n}th Notes page at the back of the PDF (from 1; its rules are {@code notes-<n>-1} …). */
    public String notesPageId(int n) {
        return "notes-" + n;
    }

    public boolean personalised() {
        return !personName.isEmpty();
    }

    public boolean facilitator() {
        return edition == Edition.FACILITATOR;
    }
}
