package org.hearth.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which PDF standards a workbook PDF is made to meet. {@code ua} is the strictest: tagged for
 * screen readers (PDF/UA-1) and archival at level A, which is tagged and Unicode (PDF/A-2a), at once.
 */
public enum PdfStandard {
    /** PDF/UA-1 and PDF/A-2a: tagged, with XMP metadata and an sRGB output intent. */
    UA("ua", "PDF/UA-1 + PDF/A-2a", true, "A"),
    /** PDF/A-2u: archival, every glyph maps to Unicode; not tagged. */
    A2U("a2u", "PDF/A-2u", false, "U"),
    /** PDF/A-2b: archival, visual appearance only; not tagged. */
    A2B("a2b", "PDF/A-2b", false, "B"),
    /** A plain PDF, as Flying Saucer writes it. */
    NONE("none", "plain PDF", false, null);

    private final String label;
    private final String title;
    private final boolean tagged;
    private final String conformance;

    PdfStandard(String label, String title, boolean tagged, String conformance) {
        this.label = label;
        this.title = title;
        this.tagged = tagged;
        this.conformance = conformance;
    }

    /** The name used in workbook.yml and on the command line. */
    public String label() {
        return label;
    }

    /** How the build summary names it, such as "PDF/UA-1 + PDF/A-2u". */
    public String title() {
        return title;
    }

    /** Whether the PDF carries a structure tree and marked content. */
    public boolean tagged() {
        return tagged;
    }

    /** Whether the PDF claims PDF/A-2 (then {@link #conformance()} is its level). */
    public boolean archival() {
        return conformance != null;
    }

    /** The PDF/A-2 conformance level, "A", "B" or "U", or null for none. */
    public String conformance() {
        return conformance;
    }

    /** The same standard without tagging, for a PDF that cannot keep a reading order (the booklet). */
    public PdfStandard untagged() {
        return this == UA ? A2U : this;
    }

    /** Labels to standards, for parsing config and options. */
    public static Map<String, PdfStandard> byLabel() {
        Map<String, PdfStandard> m = new LinkedHashMap<>();
        for (PdfStandard s : values()) {
            m.put(s.label, s);
        }
        return m;
    }
}
