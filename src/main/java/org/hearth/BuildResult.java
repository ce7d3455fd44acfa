package org.hearth;

import java.time.Duration;
import java.util.List;
import org.hearth.diag.Diagnostic;

/**
 * What a successful build made.
 *
 * @param warnings warnings found along the way
 * @param sitePages HTML pages written (0 without the site)
 * @param siteFiles all files of the site
 * @param pdfPages pages of the PDF (0 without the PDF)
 * @param time wall-clock time of the build
 */
public record BuildResult(List<Diagnostic> warnings, int sitePages, int siteFiles, int pdfPages, Duration time) {
}
