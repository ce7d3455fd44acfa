package org.hearth.render.pdf;

import org.openpdf.text.Document;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfPageLabels;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Draws each page's folio (in the outer corner) and running head as the page is finished, from the
 * {@link PageMap}: none on the cover and on blank pages, no running head on pages that open a
 * part or an entry, roman folios in the front matter. Both are marked as artifacts: they are
 * page furniture, not content.
 */
final class PageFurniture extends PdfPageEventHelper {

    private static final float MM = 72 / 25.4f;
    /** Distance of the folio's baseline from the page's foot, and of the running head's from its top. */
    private static final float FOLIO_Y = 10 * MM;
    private static final float HEAD_Y = 10 * MM;
    private static final float GREY = 0x6b / 255f;

    private final PageMap map;
    private final BaseFont font;
    private final float outerMargin;
    private final float innerMargin;
    private FormFields forms;

    PageFurniture(PageMap map, BaseFont font, float innerMargin, float outerMargin) {
        this.map = map;
        this.font = font;
        this.innerMargin = innerMargin;
        this.outerMargin = outerMargin;
    }

    /** The theme's sans-serif, embedded and subset like the body fonts. */
    static BaseFont font(byte[] ttf) {
        return ThemeFonts.embedded("Lato-Regular.ttf", ttf);
    }

    /** Page labels equal to the printed folios: lower-case roman, then arabic from the first part. */
    PdfPageLabels labels() {
        PdfPageLabels labels = new PdfPageLabels();
        labels.addPageLabel(1, PdfPageLabels.LOWERCASE_ROMAN_NUMERALS);
        if (map.firstBody() > 0) {
            labels.addPageLabel(map.firstBody() + 1, PdfPageLabels.DECIMAL_ARABIC_NUMERALS, null, 1);
        }
        return labels;
    }

    /** Also adds the fillable edition's fields, page by page. */
    void withForms(FormFields fields) {
        this.forms = fields;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        LayoutInterruption.check(); // a stale PDF stops between pages too, not only during layout
        int index = writer.getPageNumber() - 1;
        if (forms != null) {
            forms.addTo(writer, index);
        }
        if (index >= map.pages().size() || blank(writer.getDirectContent())) {
            return;
        }
        PageMap.Page page = map.pages().get(index);
        if (page.kind() == PageMap.Kind.COVER) {
            return;
        }
        float width = document.getPageSize().getWidth();
        float height = document.getPageSize().getHeight();
        boolean rightHand = index % 2 == 0;
        PdfContentByte canvas = writer.getDirectContent();
        canvas.saveState();
        canvas.beginMarkedContentSequence(new PdfName("Artifact"));
        canvas.setRGBColorFill(0x6b, 0x62, 0x5b);
        canvas.beginText();
        canvas.setFontAndSize(font, 9);
        String folio = map.folio(index);
        if (rightHand) {
            canvas.showTextAligned(PdfContentByte.ALIGN_RIGHT, folio, width - outerMargin, FOLIO_Y, 0);
        } else {
            canvas.showTextAligned(PdfContentByte.ALIGN_LEFT, folio, outerMargin, FOLIO_Y, 0);
        }
        if (!page.running().isEmpty()) {
            canvas.setFontAndSize(font, 8.5f);
            float left = rightHand ? innerMargin : outerMargin;
            float right = width - (rightHand ? outerMargin : innerMargin);
            canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, page.running(), (left + right) / 2, height - HEAD_Y, 0);
        }
        canvas.endText();
        canvas.endMarkedContentSequence();
        canvas.restoreState();
    }

    /** An operator that paints: text shown, a rectangle, an image or form, a fill or stroke. */
    private static final java.util.regex.Pattern PAINTS = java.util.regex.Pattern.compile("\\bT[Jj]|\\bre\\b|\\bDo\\b|\\b[fFSsBb]\\*?\\n");

    /**
     * A page on which Flying Saucer painted nothing: no text, no rule, no image. Searched for, not
     * matched whole with {@code .*} around it, which compiled the pattern for every page and
     * backtracked through the page's whole content stream.
     */
    private static boolean blank(PdfContentByte canvas) {
        return !PAINTS.matcher(canvas.toString()).find();
    }
}
