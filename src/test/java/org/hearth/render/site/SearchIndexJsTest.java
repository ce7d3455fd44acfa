package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The search index's string literals: the same as the character-by-character escape they replaced. */
class SearchIndexJsTest {

    /** The former SearchIndex.js, one character at a time. */
    private static String reference(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @Test
    void everyCharacterIsEscapedAsBefore() {
        Random random = new Random(7);
        String specials = "\"\\\n\r<>&\u2028\u2029\u0000\u0001\u001f\t é—\ud83d\ude00";
        for (int round = 0; round < 500; round++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                s.append(random.nextBoolean() ? specials.charAt(random.nextInt(specials.length())) : (char) ('a' + random.nextInt(26)));
            }
            assertEquals(reference(s.toString()), SearchIndex.js(s.toString()), s.toString());
            assertEquals("x" + reference(s.toString()), SearchIndex.js(new StringBuilder("x"), s.toString()).toString());
        }
    }
}
