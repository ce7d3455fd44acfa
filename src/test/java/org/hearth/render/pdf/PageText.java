package org.hearth.render.pdf;

import org.hearth.testing.PageGraphics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text of one page split the way a reader sees it: the running head in the top margin, the
 * folio in the bottom margin, and the body between.
 *
 * @param head text in the top 13 mm
 * @param body text between the margins
 * @param foot text in the bottom 13 mm
 * @param footOnRight whether the foot text sits right of the page's centre
 * @param bodyTop top of the body text, in points from the page top (or NaN)
 * @param bodyBottom bottom of the body text, in points from the page top (or NaN)
 * @param height page height in points
 * @param shapes what is painted on the page
 * @param hidden text drawn where the clip hides it
 */
record PageText(String head, String body, String foot, boolean footOnRight, float bodyTop, float bodyBottom, float height,
        List<PageGraphics.Shape> shapes, String hidden) {

    /** Whether nothing at all is printed between the margins (neither text nor rules). */
    boolean blank() {
        return body.isBlank() && shapes.stream().noneMatch(s -> s.bounds().getMinY() > BAND && s.bounds().getMaxY() < height - BAND);
    }

    /** Top of the first thing printed between the margins, in points from the page top. */
    float contentTop() {
        double top = Float.isNaN(bodyTop) ? height : bodyTop;
        for (PageGraphics.Shape s : shapes) {
            if (s.bounds().getMinY() > BAND) {
                top = Math.min(top, s.bounds().getMinY());
            }
        }
        return (float) top;
    }

    /** Bottom of the last thing printed between the margins, in points from the page top. */
    float contentBottom() {
        double bottom = Float.isNaN(bodyBottom) ? 0 : bodyBottom;
        for (PageGraphics.Shape s : shapes) {
            if (s.bounds().getMaxY() < height - BAND) {
                bottom = Math.max(bottom, s.bounds().getMaxY());
            }
        }
        return (float) bottom;
    }

    static final float BAND = 13 / 25.4f * 72;

    /** Reads every page of {@code pdf}. */
    static List<PageText> read(PDDocument pdf) throws IOException {
        List<PageText> pages = new ArrayList<>();
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            PDRectangle box = pdf.getPage(i).getMediaBox();
            StringBuilder head = new StringBuilder();
            StringBuilder body = new StringBuilder();
            StringBuilder foot = new StringBuilder();
            float[] footX = {Float.NaN};
            float[] extent = {Float.NaN, Float.NaN};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition t : positions) {
                        float y = t.getYDirAdj();
                        StringBuilder into = y < BAND ? head : y > box.getHeight() - BAND ? foot : body;
                        into.append(t.getUnicode());
                        if (into == foot) {
                            footX[0] = t.getXDirAdj();
                        } else if (into == body) {
                            float top = y - t.getHeightDir();
                            extent[0] = Float.isNaN(extent[0]) ? top : Math.min(extent[0], top);
                            extent[1] = Float.isNaN(extent[1]) ? y : Math.max(extent[1], y);
                        }
                    }
                    for (StringBuilder b : List.of(head, body, foot)) {
                        if (!b.isEmpty() && b.charAt(b.length() - 1) != ' ') {
                            b.append(' ');
                        }
                    }
                }
            };
            stripper.setSortByPosition(true);
            stripper.setStartPage(i + 1);
            stripper.setEndPage(i + 1);
            stripper.getText(pdf);
            StringBuilder hidden = new StringBuilder();
            List<PageGraphics.Shape> shapes = PageGraphics.of(pdf.getPage(i), hidden);
            pages.add(new PageText(head.toString().trim(), body.toString().trim(), foot.toString().trim(),
                    footX[0] > box.getWidth() / 2, extent[0], extent[1], box.getHeight(), shapes, hidden.toString()));
        }
        return pages;
    }
}
