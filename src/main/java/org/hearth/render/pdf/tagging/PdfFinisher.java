package org.hearth.render.pdf.tagging;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;
import org.hearth.model.PdfStandard;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfBoolean;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfNumber;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The last pass over a rendered PDF, for the chosen {@link PdfStandard}: PDF 1.7 header, XMP
 * metadata, sRGB output intent, font descriptors and widget appearances as PDF/A-2 wants them,
 * and, for a tagged PDF, the structure tree recorded during layout.
 */
public final class PdfFinisher {

    private static final PdfName FILE_ID = new PdfName("FileId");
    private static final PdfName GTS_PDFA1 = new PdfName("GTS_PDFA1");

    private final PdfStandard standard;
    private final String language;
    private final Instant time;
    private final byte[] fileId;

    /**
     * @param standard what the PDF is made to meet
     * @param language the document's BCP 47 language tag
     * @param time the pinned creation time
     * @param fileId the 16 bytes of the pinned file identifier
     */
    public PdfFinisher(PdfStandard standard, String language, Instant time, byte[] fileId) {
        this.standard = standard;
        this.language = language;
        this.time = time;
        this.fileId = fileId.clone();
    }

    /**
     * Finishes {@code pdf}; {@code tags} is the structure recorded while it was drawn, or null for an
     * untagged PDF.
     */
    public byte[] finish(byte[] pdf, TagTree tags) {
        if (standard == PdfStandard.NONE) {
            return pdf;
        }
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 65536);
            PdfStamper stamper = new PdfStamper(reader, out, PdfWriter.VERSION_1_7);
            stamper.setEnforcedModificationDate(utc(time));
            stamper.setOverrideFileId(PdfEncryption.createInfoId(fileId, fileId));
            PdfDictionary catalog = reader.getCatalog();
            catalog.remove(PdfName.VERSION);
            PdfDictionary info = reader.getTrailer().getAsDict(PdfName.INFO);
            if (info != null) {
                info.remove(FILE_ID); // not a standard key; the trailer's /ID carries the pinned identifier
            }
            new Appearances(stamper).fix();
            dropCidSets(reader);
            addOutputIntent(stamper, catalog);
            catalog.put(PdfName.LANG, new PdfString(language, PdfObject.TEXT_UNICODE));
            if (tags != null && standard.tagged()) {
                new StructureWriter(stamper, tags).write();
                PdfDictionary mark = new PdfDictionary();
                mark.put(PdfName.MARKED, PdfBoolean.PDFTRUE);
                catalog.put(PdfName.MARKINFO, mark);
                PdfDictionary preferences = catalog.getAsDict(PdfName.VIEWERPREFERENCES);
                if (preferences == null) {
                    preferences = new PdfDictionary();
                    catalog.put(PdfName.VIEWERPREFERENCES, preferences);
                }
                preferences.put(PdfName.DISPLAYDOCTITLE, PdfBoolean.PDFTRUE);
            }
            stamper.setXmpMetadata(Xmp.packet(fields(info), standard));
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("could not finish the PDF as " + standard.title() + ": " + e.getMessage(), e);
        }
    }

    private Xmp.Fields fields(PdfDictionary info) {
        return new Xmp.Fields(text(info, PdfName.TITLE), text(info, PdfName.AUTHOR), text(info, PdfName.SUBJECT),
                text(info, PdfName.KEYWORDS), text(info, PdfName.CREATOR), text(info, PdfName.PRODUCER), language, time);
    }

    private static String text(PdfDictionary info, PdfName key) {
        PdfString s = info == null ? null : info.getAsString(key);
        return s == null ? "" : s.toUnicodeString();
    }

    /**
     * PDF/A-2 does not require a CIDSet, but one that is there must list every glyph of the subset;
     * OpenPDF's lists only the used ones, so it goes.
     */
    private static void dropCidSets(PdfReader reader) {
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject o = reader.getPdfObject(i);
            if (o instanceof PdfDictionary d && !(o instanceof PdfStream) && PdfName.FONTDESCRIPTOR.equals(d.getAsName(PdfName.TYPE))) {
                d.remove(PdfName.CIDSET);
            }
        }
    }

    /** The JDK's sRGB profile as the output intent, so DeviceRGB colour has a defined meaning. */
    private static void addOutputIntent(PdfStamper stamper, PdfDictionary catalog) throws IOException {
        PdfStream profile = new PdfStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        profile.put(PdfName.N, new PdfNumber(3));
        profile.flateCompress();
        PdfDictionary intent = new PdfDictionary(PdfName.OUTPUTINTENT);
        intent.put(PdfName.S, GTS_PDFA1);
        intent.put(PdfName.OUTPUTCONDITIONIDENTIFIER, new PdfString("sRGB IEC61966-2.1"));
        intent.put(PdfName.INFO, new PdfString("sRGB IEC61966-2.1"));
        intent.put(PdfName.REGISTRYNAME, new PdfString("http://www.color.org"));
        intent.put(PdfName.DESTOUTPUTPROFILE, stamper.getWriter().addToBody(profile).getIndirectReference());
        PdfArray intents = new PdfArray();
        intents.add(intent);
        catalog.put(PdfName.OUTPUTINTENTS, intents);
    }

    /** {@code time} as a UTC calendar, the form OpenPDF's date objects take (pinned, never the machine's zone). */
    public static Calendar utc(Instant time) {
        Calendar when = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        when.setTimeInMillis(time.toEpochMilli());
        return when;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
