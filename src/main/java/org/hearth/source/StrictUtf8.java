package org.hearth.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Position;

/**
 * Decodes a file's bytes as UTF-8, refusing anything else: a file saved in another encoding is
 * reported at the line and column of its first bad byte rather than silently garbled.
 */
public final class StrictUtf8 {

    /**
     * The text of {@code bytes}.
     *
     * @param display the file's name as shown in diagnostics
     * @throws BuildFailure at {@code display:line:col} of the first byte that is not UTF-8
     */
    public String decode(byte[] bytes, String display) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw BuildFailure.of(position(out.flip(), display), String.format(Locale.ROOT,
                    "the file is not valid UTF-8 (byte 0x%02X)", bytes[in.position()] & 0xFF),
                    "save it as UTF-8 text (most editors offer this under 'Save with encoding')");
        }
        return out.flip().toString();
    }

    /** Line and column just after the text decoded so far, counting characters as an editor does. */
    private static Position position(CharBuffer decoded, String display) {
        String text = decoded.toString();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(display, line, text.codePointCount(lineStart, text.length()) + 1);
    }
}
