package org.hearth.render.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.AcroFields;
import org.openpdf.text.pdf.PdfAnnotation;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;

/**
 * Finishing touches done with OpenPDF directly, where Flying Saucer stops short: Flying Saucer's
 * check boxes and radio buttons are created without the print flag, so a filled-in workbook would
 * print without its ticks.
 */
final class PdfPostProcess {

    private PdfPostProcess() {
    }

    /** Sets the print flag on every form field's widgets, keeping dates and file ID pinned. */
    static byte[] printableFields(byte[] pdf, Instant time, byte[] fileId) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 4096);
            PdfStamper stamper = new PdfStamper(reader, out);
            stamper.setEnforcedModificationDate(utc(time));
            stamper.setOverrideFileId(PdfEncryption.createInfoId(fileId, fileId));
            AcroFields fields = stamper.getAcroFields();
            for (String name : fields.getAllFields().keySet()) {
                fields.setFieldProperty(name, "setflags", PdfAnnotation.FLAGS_PRINT, null);
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not finish the form fields: " + e.getMessage(), e);
        }
    }

    static Calendar utc(Instant time) {
        Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        when.setTimeInMillis(time.toEpochMilli());
        return when;
    }
}
