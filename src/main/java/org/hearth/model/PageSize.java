package org.hearth.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Paper sizes the PDF can be set on, with their trimmed size in millimetres. */
public enum PageSize {
    A4("A4", 210, 297),
    LETTER("Letter", 215.9, 279.4),
    A5("A5", 148, 210),
    HALF_LETTER("half-letter", 139.7, 215.9),
    SIX_BY_NINE("6x9", 152.4, 228.6);

    private final String label;
    private final double widthMm;
    private final double heightMm;

    PageSize(String label, double widthMm, double heightMm) {
        this.label = label;
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public String label() {
        return label;
    }

    public double widthMm() {
        return widthMm;
    }

    public double heightMm() {
        return heightMm;
    }

    /** The CSS {@code @page size} value, in millimetres so every size is exact. */
    public String css() {
        return fmt(widthMm) + "mm " + fmt(heightMm) + "mm";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Lower-case labels to sizes, for parsing config and options. */
    public static Map<String, PageSize> byLabel() {
        Map<String, PageSize> m = new LinkedHashMap<>();
        for (PageSize p : values()) {
            m.put(p.label.toLowerCase(java.util.Locale.ROOT), p);
        }
        return m;
    }
}
