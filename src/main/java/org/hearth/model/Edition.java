package org.hearth.model;

import java.util.Locale;
import java.util.Map;

/** Who a copy of the workbook is for: the client, or a facilitator who also sees facilitator notes. */
public enum Edition {
    CLIENT, FACILITATOR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Map<String, Edition> byLabel() {
        return Labels.lowerCase(values());
    }
}
