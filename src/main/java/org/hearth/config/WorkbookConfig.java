package org.hearth.config;

import java.util.List;
import org.hearth.model.Edition;
import org.hearth.model.Imposition;
import org.hearth.model.Imprint;
import org.hearth.model.PageSize;
import org.hearth.model.Part;
import org.hearth.model.PdfStandard;
import org.hearth.model.Person;
import org.hearth.source.SourceText;

/**
 * Everything {@code content/workbook.yml} says.
 *
 * @param title the book's title
 * @param subtitle its subtitle, or empty
 * @param author its author, or empty
 * @param language BCP 47 language tag
 * @param pageSize PDF paper size
 * @param baseUrl the site's public address (ends in '/'), or empty
 * @param person who this copy is for, or null
 * @param edition client or facilitator
 * @param parts the book's parts in order
 * @param selection the chosen prompts
 * @param plan a daily plan, or null
 * @param source the file it came from
 * @param pdfStandard the PDF standard from {@code pdf: standard:}, or null for the strictest
 * @param id the workbook's stable id, which keys the answers saved in a browser (from {@code id:}, or
 *     derived from the title when the file has none)
 * @param imprint the imprint page's details, from {@code imprint:}
 * @param notesPages how many Notes pages close the PDF, from {@code pdf: notes_pages:}
 * @param imposition the booklet's fold marks and creep, from {@code pdf: fold_marks:} and {@code creep_mm:}
 */

public record WorkbookConfig(String title, String subtitle, String author, String language, PageSize pageSize,
        String baseUrl, Person person, Edition edition, List<Part> parts, Selection selection, Plan plan, SourceText source,
        PdfStandard pdfStandard, String id, Imprint imprint, int notesPages,
        Imposition imposition) {

    public WorkbookConfig {
        parts = List.copyOf(parts);
    }

    /** A config whose booklet has neither fold marks nor creep allowance. */
    public WorkbookConfig(String title, String subtitle, String author, String language, PageSize pageSize,
            String baseUrl, Person person, Edition edition, List<Part> parts, Selection selection, Plan plan, SourceText source,
            PdfStandard pdfStandard, String id, Imprint imprint, int notesPages) {
        this(title, subtitle, author, language, pageSize, baseUrl, person, edition, parts, selection, plan, source, pdfStandard, id,
                imprint, notesPages, Imposition.NONE);
    }

    /** A copy with another page size (for the {@code --page-size} option). */
    public WorkbookConfig withPageSize(PageSize size) {
        return new WorkbookConfig(title, subtitle, author, language, size, baseUrl, person, edition, parts, selection, plan, source,
                pdfStandard, id, imprint, notesPages, imposition);
    }

    /** A copy for another person, edition or selection (for the command line and batch builds). */
    public WorkbookConfig with(Person newPerson, Edition newEdition, Selection newSelection) {
        return new WorkbookConfig(title, subtitle, author, language, pageSize, baseUrl, newPerson, newEdition, parts,
                newSelection, plan, source, pdfStandard, id, imprint, notesPages, imposition);
    }

    /** A copy whose answers are stored under another id (a personalised copy in a batch). */
    public WorkbookConfig withId(String newId) {
        return new WorkbookConfig(title, subtitle, author, language, pageSize, baseUrl, person, edition, parts, selection, plan, source,
                pdfStandard, newId, imprint, notesPages, imposition);
    }
}
