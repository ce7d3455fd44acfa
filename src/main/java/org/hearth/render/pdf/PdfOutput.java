package org.hearth.render.pdf;

import java.time.Instant;
import java.util.List;
import org.hearth.model.Routes;
import org.hearth.model.Workbook;
import org.hearth.render.Renderer;
import org.hearth.render.Templates;
import org.hearth.render.Theme;

/** The PDF workbook ({@code workbook.pdf}) as one of a build's outputs. */
public final class PdfOutput implements Renderer {

    private final PdfRenderer pdf;
    private final PrintOptions print;
    private final Instant time;

    /**
     * @param time the creation time stamped into the PDF
     */
    public PdfOutput(Templates templates, Theme theme, PrintOptions print, Instant time) {
        this.pdf = new PdfRenderer(templates, theme);
        this.print = print;
        this.time = time;
    }

    @Override
    public List<String> owns() {
        return List.of(Routes.PDF);
    }

    @Override
    public Output render(Workbook workbook) {
        PdfRenderer.RenderedPdf rendered = pdf.render(workbook, print, time);
        return new Output(List.of(rendered.file()), rendered.pages(), PdfRenderer.standard(workbook, print));
    }

    /** Renders and parses the print template without laying out pages. */
    @Override
    public Output check(Workbook workbook) {
        pdf.check(workbook, print.fillable(), print.rightHand());
        return Output.NONE;
    }
}
