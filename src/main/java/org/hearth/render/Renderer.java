package org.hearth.render;

import java.util.List;
import org.hearth.model.PdfStandard;
import org.hearth.model.Workbook;

/**
 * One output of a build (the site, the PDF, the booklet, ...): renders a workbook in memory, with
 * no I/O. {@code build}, {@code check}, {@code serve} and batch builds drive every output through
 * this, so a new output is a new implementation and a line in {@code Hearth.renderers}.
 */
public interface Renderer {

    /**
     * The top-level entries of the output folder this output writes (a file or a folder). When
     * the request leaves this output out, the previous build's entries are kept.
     */
    List<String> owns();

    /**
     * Renders the workbook.
     *
     * @return the files, with paths relative to the output folder
     * @throws org.hearth.diag.BuildFailure when the theme and the content do not fit together
     */
    Output render(Workbook workbook);

    /**
     * The quick check {@code hearth check} runs: everything but the slow part of rendering (for
     * the PDF, the page layout), failing as {@link #render} would.
     *
     * @return the files it did render, for checks across outputs (none when it rendered no files)
     * @throws org.hearth.diag.BuildFailure when rendering would fail
     */
    Output check(Workbook workbook);

    /**
     * What an output rendered.
     *
     * @param files the files, with paths relative to the output folder
     * @param pages the pages: HTML pages of a site, pages of a PDF
     * @param standard the PDF standard the file meets, or null when it is not a PDF
     */
    record Output(List<OutputFile> files, int pages, PdfStandard standard) {

        public Output {
            files = List.copyOf(files);
        }

        /** Nothing: the output is not wanted in this build. */
        public static final Output NONE = new Output(List.of(), 0, null);
    }
}
