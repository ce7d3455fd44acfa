package org.hearth.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How emotionally demanding an exercise or prompt may be. */
public enum Intensity {
    GENTLE, MODERATE, DEEP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Map<String, Intensity> byLabel() {
        Map<String, Intensity> m = new LinkedHashMap<>();
        for (Intensity i : values()) {
            m.put(i.label(), i);
        }
        return m;
    }
}
