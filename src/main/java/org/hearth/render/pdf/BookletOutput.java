package org.hearth.render.pdf;

import java.time.Instant;
import java.util.List;
import org.hearth.model.Workbook;
import org.hearth.render.Renderer;
import org.hearth.render.Templates;
import org.hearth.render.Theme;

/**
 * The booklet imposed for folding ({@code workbook-booklet.pdf}) as one of a build's outputs; it
 * makes nothing unless the print options ask for it.
 */
public final class BookletOutput implements Renderer {

    private final PdfRenderer pdf;
    private final PrintOptions print;
    private final Instant time;

    /**
     * @param time the creation time stamped into the PDF
     */
    public BookletOutput(Templates templates, Theme theme, PrintOptions print, Instant time) {
        this.pdf = new PdfRenderer(templates, theme);
        this.print = print;
        this.time = time;
    }

    @Override
    public List<String> owns() {
        return List.of(PdfRenderer.BOOKLET);
    }

    /** The booklet; its pages are not counted (each sheet holds two of the book's pages). */
    @Override
    public Output render(Workbook workbook) {
        if (!print.booklet()) {
            return Output.NONE;
        }
        return new Output(List.of(pdf.booklet(workbook, print, time)), 0, PdfRenderer.standard(workbook, print).untagged());
    }

    /** Nothing beyond the PDF's own check: the booklet is the same pages, imposed. */
    @Override
    public Output check(Workbook workbook) {
        return Output.NONE;
    }
}
