package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the hardened XHTML parser the PDF is laid out from. Whatever the text, it either
 * parses or fails with a positioned {@link SafeXml.XmlError}; nothing else escapes, and no entity
 * or DTD is ever resolved. {@code mvn test} replays the corpus under
 * {@code src/test/resources/org/hearth/render/pdf/SafeXmlFuzzTestInputs/}; README "Fuzzing" says how to fuzz.
 */
class SafeXmlFuzzTest {

    private final SafeXml xml = new SafeXml();

    @FuzzTest(maxDuration = "10m")
    void parse(byte[] input) {
        try {
            xml.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SafeXml.XmlError e) {
            // A position is given whenever the parser knows one; the message never comes from a fetched file.
            assertTrue(e.line >= -1 && e.column >= -1, e.getMessage());
        }
    }
}
