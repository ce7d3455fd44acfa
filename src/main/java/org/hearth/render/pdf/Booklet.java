package org.hearth.render.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hearth.model.Imposition;
import org.hearth.model.PageSize;
import org.hearth.render.pdf.tagging.PdfFinisher;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfImportedPage;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Imposes a PDF's pages two-up on sheets twice their width, in saddle-stitch order: print the
 * result double-sided (flip on the short edge), fold the stack in half, and the pages read in
 * order. {@link PdfRenderer} pads the book with ruled Notes pages to a multiple of four; should
 * typesetting miss it, the imposition pads with blank pages at the back.
 *
 * <p>On request each side gets a hairline fold mark at the head and foot of the fold, and the pages
 * of the inner sheets move towards the spine (creep allowance): sheets nested inside others are
 * pushed out at the fore-edge by the paper around them, so once the folded booklet is trimmed their
 * outer margins would otherwise be narrower than the outer sheets'.
 */
final class Booklet {

    private Booklet() {
    }

    /**
     * The order pages go onto sheet sides: for each side, the left and the right page (1-based),
     * or 0 for a blank.
     */
    static List<int[]> order(int pages) {
        int total = (pages + 3) / 4 * 4;
        List<int[]> sides = new ArrayList<>();
        for (int sheet = 0; sheet < total / 4; sheet++) {
            sides.add(new int[] {blank(total - 2 * sheet, pages), blank(2 * sheet + 1, pages)});
            sides.add(new int[] {blank(2 * sheet + 2, pages), blank(total - 2 * sheet - 1, pages)});
        }
        return sides;
    }

    /** How far a fold mark reaches in from the sheet's edge: inside the 15 mm head and foot margins, short of the running head and folio. */
    private static final double FOLD_MARK_MM = 8;
    /** A fold mark's line width, a hairline that still prints. */
    private static final float FOLD_MARK_WIDTH = 0.25f;

    private static float points(double mm) {
        return (float) (mm / 25.4 * 72);
    }

    /**
     * A hairline at the head and the foot of the fold, from the sheet's edge into the margin, in
     * black on the black plate alone (DeviceGray: a four-colour black could misregister). It is an
     * artifact, never content or text.
     */
    private static void foldMarks(PdfContentByte canvas, Rectangle sheet) {
        float fold = sheet.getWidth() / 2;
        float length = points(FOLD_MARK_MM);
        canvas.saveState();
        canvas.beginMarkedContentSequence(new PdfName("Artifact"));
        canvas.setGrayStroke(0);
        canvas.setLineWidth(FOLD_MARK_WIDTH);
        canvas.setLineCap(PdfContentByte.LINE_CAP_BUTT);
        canvas.moveTo(fold, sheet.getHeight());
        canvas.lineTo(fold, sheet.getHeight() - length);
        canvas.stroke();
        canvas.moveTo(fold, 0);
        canvas.lineTo(fold, length);
        canvas.stroke();
        canvas.endMarkedContentSequence();
        canvas.restoreState();
    }

    private static int blank(int page, int pages) {
        return page <= pages ? page : 0;
    }

    /**
     * Imposes {@code pdf} on landscape sheets of {@code sheet} (portrait size, e.g. A4), centring
     * each pair of pages, with {@code imposition}'s fold marks and creep, and pins the dates and
     * file ID like the book itself.
     */
    static byte[] impose(byte[] pdf, PageSize sheetSize, Imposition imposition, String title, Instant time, byte[] fileId) {
        try {
            PdfReader reader = new PdfReader(pdf);
            Rectangle page = reader.getPageSize(1);
            Rectangle sheet = new Rectangle(points(sheetSize.heightMm()), points(sheetSize.widthMm()));
            // A5 pairs are 296 mm wide on a 297 mm sheet: centre them so the fold is in the middle.
            float left = (sheet.getWidth() - 2 * page.getWidth()) / 2;
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            Document document = new Document(sheet, 0, 0, 0, 0);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(title + " (booklet)");
            document.addCreator("Hearth");
            // The print dialog starts right for a booklet: double-sided, flipped on the short edge, at 100 %
            // (shrinking to fit would move the fold off the middle of the sheet).
            writer.addViewerPreference(PdfName.DUPLEX, PdfName.DUPLEXFLIPSHORTEDGE);
            writer.addViewerPreference(PdfName.PRINTSCALING, PdfName.NONE);
            document.open();
            PdfContentByte canvas = writer.getDirectContent();
            List<int[]> sides = order(reader.getNumberOfPages());
            int sheets = sides.size() / 2;
            float bottom = (sheet.getHeight() - page.getHeight()) / 2;
            for (int s = 0; s < sides.size(); s++) {
                int[] side = sides.get(s);
                document.newPage();
                writer.setPageEmpty(false); // keep sides whose both pages are blank
                // The outermost sheet keeps its place, the innermost moves by the whole allowance.
                float creep = sheets < 2 ? 0 : (float) (points(imposition.creepMm()) * (s / 2) / (sheets - 1));
                for (int half = 0; half < 2; half++) {
                    if (side[half] > 0) {
                        PdfImportedPage imported = writer.getImportedPage(reader, side[half]);
                        float x = left + half * page.getWidth();
                        canvas.saveState();
                        // Moved towards the fold, a page is cut at its own half: nothing crosses onto its neighbour.
                        canvas.rectangle(x, bottom, page.getWidth(), page.getHeight());
                        canvas.clip();
                        canvas.newPath();
                        canvas.addTemplate(imported, half == 0 ? x + creep : x - creep, bottom);
                        canvas.restoreState();
                    }
                }
                if (imposition.foldMarks()) {
                    foldMarks(canvas, sheet);
                }
            }
            PdfDate date = new PdfDate(PdfFinisher.utc(time));
            writer.getInfo().put(PdfName.CREATIONDATE, date);
            writer.getInfo().put(PdfName.MODDATE, date);
            writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(fileId, fileId));
            document.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not impose the booklet: " + e.getMessage(), e);
        }
    }
}
