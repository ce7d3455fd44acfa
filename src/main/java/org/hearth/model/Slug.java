package org.hearth.model;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File-name-safe ids made from titles and names: "Zoë's Kind Words" becomes "zoe-s-kind-words",
 * "Καλημέρα" becomes "kalimera" and "Мария" becomes "mariya".
 */
public final class Slug {

    private Slug() {
    }

    /** The slug of {@code text}, or {@code fallback} when nothing of it is left. */
    public static String of(String text, String fallback) {
        // Greek and Cyrillic become Latin letters first, so their titles and names keep a readable slug.
        String ascii = Normalizer.normalize(Transliteration.latin(text), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? fallback : s;
    }
}
