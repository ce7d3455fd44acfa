package org.hearth.render.pdf;

import java.time.Instant;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Shared helpers for the PDF's finishing touches done with OpenPDF directly.
 */
final class PdfPostProcess {

    private PdfPostProcess() {
    }

    static Calendar utc(Instant time) {
        Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        when.setTimeInMillis(time.toEpochMilli());
        return when;
    }
}
