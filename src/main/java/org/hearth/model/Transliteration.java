package org.hearth.model;

import java.text.Normalizer;
import java.util.Map;

/**
 * Latin letters for text in other scripts, so a slug made from a Greek or Cyrillic title or name
 * keeps its meaning instead of becoming {@code exercise} or {@code person}. Accents are removed by
 * Unicode decomposition (java.text.Normalizer); Greek follows ELOT 743 and Cyrillic a simplified
 * BGN/PCGN romanisation, letter by letter (a small table rather than ICU4J's 14 MB, which would
 * be the only reason to add it). Other scripts (CJK, Arabic, Hebrew …) are left as they are.
 */
public final class Transliteration {

    private static final Map<Character, String> TABLE = table();

    private Transliteration() {
    }

    /** {@code text} with Greek and Cyrillic letters in Latin ones and accents removed: "Καλημέρα" becomes "Kalimera". */
    public static String latin(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFC);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            String base = String.valueOf(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).charAt(0));
            String t = TABLE.get(Character.toLowerCase(base.charAt(0)));
            if (t == null) {
                out.append(c);
            } else if (Character.isUpperCase(c) && !t.isEmpty()) {
                out.append(Character.toUpperCase(t.charAt(0))).append(t.substring(1));
            } else {
                out.append(t);
            }
        }
        return Normalizer.normalize(out, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static Map<Character, String> table() {
        Map<Character, String> m = new java.util.HashMap<>();
        String[] greek = {"α", "a", "β", "v", "γ", "g", "δ", "d", "ε", "e", "ζ", "z", "η", "i", "θ", "th", "ι", "i", "κ", "k", "λ", "l",
            "μ", "m", "ν", "n", "ξ", "x", "ο", "o", "π", "p", "ρ", "r", "σ", "s", "ς", "s", "τ", "t", "υ", "y", "φ", "f", "χ", "ch",
            "ψ", "ps", "ω", "o"};
        String[] cyrillic = {"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "yo", "ж", "zh", "з", "z", "и", "i",
            "й", "y", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t", "у", "u", "ф", "f",
            "х", "kh", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "shch", "ъ", "", "ы", "y", "ь", "", "э", "e", "ю", "yu", "я", "ya",
            "і", "i", "ї", "yi", "є", "ye", "ґ", "g", "ў", "u"};
        for (String[] t : new String[][] {greek, cyrillic}) {
            for (int i = 0; i < t.length; i += 2) {
                m.put(t[i].charAt(0), t[i + 1]);
            }
        }
        return Map.copyOf(m);
    }
}
