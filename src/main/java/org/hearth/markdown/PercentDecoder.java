package org.hearth.markdown;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict {@code %XX} decoding of a link target: every {@code %} must start two hex digits and the
 * decoded bytes must be UTF-8. Unlike {@link java.net.URLDecoder} (a form decoder), {@code +} stays
 * a plus and a bad escape is reported with its index instead of thrown as an unchecked exception.
 */
final class PercentDecoder {

    /** The decoded text, or where and why it could not be decoded. */
    sealed interface Result permits Decoded, Bad {
    }

    /** @param text the decoded text */
    record Decoded(String text) implements Result {
    }

    /**
     * @param index the index in the input of the first offending {@code %}
     * @param message what is wrong, for a diagnostic
     */
    record Bad(int index, String message) implements Result {
    }

    Result decode(String s) {
        if (s.indexOf('%') < 0) {
            return new Decoded(s);
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int runStart = -1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '%') {
                Bad bad = flush(bytes, out, runStart);
                if (bad != null) {
                    return bad;
                }
                out.append(c);
                i++;
                continue;
            }
            int hi = i + 1 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (hi < 0 || lo < 0) {
                String shown = s.substring(i, Math.min(s.length(), i + 3));
                return new Bad(i, "'" + shown + "' is not a valid %-escape");
            }
            if (bytes.size() == 0) {
                runStart = i;
            }
            bytes.write(hi * 16 + lo);
            i += 3;
        }
        Bad bad = flush(bytes, out, runStart);
        return bad != null ? bad : new Decoded(out.toString());
    }

    /** Decodes a run of escaped bytes as UTF-8 into {@code out}; null when they are valid. */
    private static Bad flush(ByteArrayOutputStream bytes, StringBuilder out, int runStart) {
        if (bytes.size() == 0) {
            return null;
        }
        try {
            out.append(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())));
            bytes.reset();
            return null;
        } catch (CharacterCodingException e) {
            return new Bad(runStart, "the %-escapes here are not UTF-8");
        }
    }
}
