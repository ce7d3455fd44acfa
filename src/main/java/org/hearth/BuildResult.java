package org.hearth;

import java.time.Duration;
import java.util.List;
import org.hearth.diag.Diagnostic;
import org.hearth.model.PdfStandard;

/**
 * What a successful build made.
 *
 * @param warnings warnings found along the way
 * @param sitePages HTML pages written (0 without the site)
 * @param siteFiles all files of the site
 * @param pdfPages pages of the PDF (0 without the PDF)
 * @param time wall-clock time of the build
 * @param pdfStandard the standards the PDF meets (null without the PDF)
 * @param pdfs each PDF made with its pages, in the output folder's names (one per language in a
 *     multilingual build; {@code pdfPages} is then their sum)
 */
public record BuildResult(List<Diagnostic> warnings, int sitePages, int siteFiles, int pdfPages, Duration time,
        PdfStandard pdfStandard, List<Pdf> pdfs) {

    /**
     * One PDF a build made.
     *
     * @param file its path in the output folder, such as {@code workbook.es.pdf}
     * @param pages its pages
     */
    public record Pdf(String file, int pages) {
    }

    public BuildResult {
        pdfs = List.copyOf(pdfs);
    }

    /** A result with one PDF, {@code workbook.pdf}, when {@code pdfPages} is more than 0. */
    public BuildResult(List<Diagnostic> warnings, int sitePages, int siteFiles, int pdfPages, Duration time,
            PdfStandard pdfStandard) {
        this(warnings, sitePages, siteFiles, pdfPages, time, pdfStandard,
                pdfPages > 0 ? List.of(new Pdf(org.hearth.model.Routes.PDF, pdfPages)) : List.of());
    }

    /** A result that does not say which PDF standard was met. */
    public BuildResult(List<Diagnostic> warnings, int sitePages, int siteFiles, int pdfPages, Duration time) {
        this(warnings, sitePages, siteFiles, pdfPages, time, null);
    }
}
