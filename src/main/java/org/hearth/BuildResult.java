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
 */
public record BuildResult(List<Diagnostic> warnings, int sitePages, int siteFiles, int pdfPages, Duration time,
        PdfStandard pdfStandard) {

    /** A result that does not say which PDF standard was met. */
    public BuildResult(List<Diagnostic> warnings, int sitePages, int siteFiles, int pdfPages, Duration time) {
        this(warnings, sitePages, siteFiles, pdfPages, time, null);
    }
}
