package org.hearth.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Utf8Output gives the bytes of the whole text's getBytes(UTF_8), however it was written in pieces. */
class Utf8OutputTest {

    @Test
    void piecesEncodeAsTheWholeText() {
        Random random = new Random(16);
        // Surrogate pairs, lone halves, and every write size, so pieces end at every kind of character.
        char[] alphabet = {'a', '<', '\u00e9', '\u2014', '\ud83d', '\ude00', '\n', '\u0000'};
        for (int round = 0; round < 40; round++) {
            StringBuilder whole = new StringBuilder();
            Utf8Output out = new Utf8Output();
            while (whole.length() < 70_000) {
                int len = random.nextInt(round % 2 == 0 ? 40 : 20_000);
                StringBuilder part = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    part.append(random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (char) ('a' + random.nextInt(26)));
                }
                if (random.nextInt(5) == 0) {
                    part.append('\ud83d'); // a piece ending in a high surrogate, its low half in the next write
                }
                switch (random.nextInt(3)) {
                    case 0 -> out.write(part.toString(), 0, part.length());
                    case 1 -> out.write(part.toString().toCharArray(), 0, part.length());
                    default -> part.chars().forEach(out::write);
                }
                whole.append(part);
            }
            assertArrayEquals(whole.toString().getBytes(StandardCharsets.UTF_8), out.bytes(), "round " + round);
        }
    }

    @Test
    void halvesOfPairsAtTheEdgesAreAsGetBytesHasThem() {
        for (String text : new String[] {"a\ud83d", "\ude00a", "\ud83d\ud83d\ude00", "\ud83da\ude00\u00e9", "\ud83d"}) {
            for (int cut = 0; cut <= text.length(); cut++) {
                Utf8Output out = new Utf8Output();
                out.append(text, 0, cut);
                out.append(text.substring(cut));
                assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.bytes(), text + " cut at " + cut);
            }
        }
    }

    @Test
    void aLargeTextAcrossManyPieces() {
        StringBuilder whole = new StringBuilder();
        Utf8Output out = new Utf8Output();
        for (int i = 0; i < 300_000; i++) {
            String s = i % 7 == 0 ? "\u00e9\u2014\ud83d\ude00" : "abc<p>";
            out.write(s);
            whole.append(s);
        }
        assertArrayEquals(whole.toString().getBytes(StandardCharsets.UTF_8), out.bytes());
    }

    @Test
    void aReusedFirstPieceNeverShowsThroughAnEarlierResult() {
        byte[] first = Utf8Output.firstPiece();
        Utf8Output one = new Utf8Output(first);
        one.write("first page \u00e9");
        byte[] a = one.bytes();
        Utf8Output two = new Utf8Output(one.first());
        String big = "x".repeat(100_000) + "\u2014";
        two.write(big);
        byte[] b = two.bytes();
        assertArrayEquals("first page \u00e9".getBytes(StandardCharsets.UTF_8), a);
        assertArrayEquals(big.getBytes(StandardCharsets.UTF_8), b);
    }
}
