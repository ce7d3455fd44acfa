package org.hearth.model;

import java.util.Locale;
import java.util.Map;

/** How emotionally demanding an exercise or prompt may be. */
public enum Intensity {
    GENTLE, MODERATE, DEEP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Map<String, Intensity> byLabel() {
        return Labels.lowerCase(values());
    }
}
