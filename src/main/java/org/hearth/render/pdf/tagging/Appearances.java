package org.hearth.render.pdf.tagging;

import java.io.IOException;
import java.util.Locale;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfStream;

/**
 * Widget appearances as PDF/A-2 permits them: Flying Saucer draws ticks and dots with the
 * ZapfDingbats font, which is never embedded, and adds down appearances (/D), which PDF/A forbids.
 * Ticks and dots are redrawn as paths in the page's ink colour, and only /N is kept.
 */
final class Appearances {

    private final PdfStamper stamper;

    Appearances(PdfStamper stamper) {
        this.stamper = stamper;
    }

    void fix() throws IOException {
        PdfReader reader = stamper.getReader();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            PdfArray annots = reader.getPageN(page).getAsArray(PdfName.ANNOTS);
            if (annots == null) {
                continue;
            }
            for (int i = 0; i < annots.size(); i++) {
                PdfDictionary annot = annots.getAsDict(i);
                if (annot == null || !PdfName.WIDGET.equals(annot.getAsName(PdfName.SUBTYPE))) {
                    continue;
                }
                PdfDictionary ap = annot.getAsDict(PdfName.AP);
                if (ap == null) {
                    continue;
                }
                ap.remove(PdfName.D);
                ap.remove(PdfName.R);
                PdfDictionary normal = ap.getAsDict(PdfName.N);
                if (normal != null && !(normal instanceof PdfStream)) {
                    redraw(annot, normal);
                }
            }
        }
    }

    /** Replaces each on-state of a check box or radio button with a vector mark; off stays empty. */
    private void redraw(PdfDictionary annot, PdfDictionary states) throws IOException {
        PdfArray rect = annot.getAsArray(PdfName.RECT);
        float w = Math.abs(((PdfNumber) rect.getPdfObject(2)).floatValue() - ((PdfNumber) rect.getPdfObject(0)).floatValue());
        float h = Math.abs(((PdfNumber) rect.getPdfObject(3)).floatValue() - ((PdfNumber) rect.getPdfObject(1)).floatValue());
        boolean radio = isRadio(annot);
        for (PdfName state : states.getKeys().toArray(new PdfName[0])) {
            String ops = PdfName.decodeName(state.toString()).equals("Off") ? "" : radio ? dot(w, h) : tick(w, h);
            states.put(state, stamper.getWriter().addToBody(form(ops, w, h)).getIndirectReference());
        }
        annot.remove(PdfName.MK); // its /CA names a ZapfDingbats character
    }

    private static boolean isRadio(PdfDictionary annot) {
        PdfDictionary field = annot;
        while (field != null) {
            PdfNumber flags = field.getAsNumber(PdfName.FF);
            if (flags != null) {
                return (flags.intValue() & (1 << 15)) != 0;
            }
            field = field.getAsDict(PdfName.PARENT);
        }
        return false;
    }

    private static String tick(float w, float h) {
        return String.format(Locale.ROOT, "0.11 0.25 0.45 RG %.2f w 1 J 1 j %.2f %.2f m %.2f %.2f l %.2f %.2f l S",
                Math.max(1f, w / 9), w * 0.2, h * 0.52, w * 0.42, h * 0.25, w * 0.82, h * 0.8);
    }

    private static String dot(float w, float h) {
        float r = Math.min(w, h) * 0.3f;
        float cx = w / 2;
        float cy = h / 2;
        float k = r * 0.5523f; // Bézier circle constant
        return String.format(Locale.ROOT, "0.11 0.25 0.45 rg %.2f %.2f m %.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c "
                + "%.2f %.2f %.2f %.2f %.2f %.2f c %.2f %.2f %.2f %.2f %.2f %.2f c f",
                cx + r, cy,
                cx + r, cy + k, cx + k, cy + r, cx, cy + r,
                cx - k, cy + r, cx - r, cy + k, cx - r, cy,
                cx - r, cy - k, cx - k, cy - r, cx, cy - r,
                cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    }

    private static PdfStream form(String ops, float w, float h) {
        PdfStream s = new PdfStream(PdfFinisher.ascii(ops));
        s.put(PdfName.TYPE, PdfName.XOBJECT);
        s.put(PdfName.SUBTYPE, PdfName.FORM);
        s.put(PdfName.BBOX, new PdfArray(new float[] {0, 0, w, h}));
        s.put(PdfName.RESOURCES, new PdfDictionary());
        s.flateCompress();
        return s;
    }
}
