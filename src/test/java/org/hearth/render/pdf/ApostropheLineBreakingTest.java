package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A contraction is never split at its apostrophe; quotes and spaces still allow breaks. */
class ApostropheLineBreakingTest {

    @Test
    void noBreakInsideAContraction() {
        String text = "a response you\u2019d like, and \u2018quoted\u2019 words";
        assertTrue(ApostropheLineBreaking.insideWord(text, text.indexOf("d like")));
        assertFalse(ApostropheLineBreaking.insideWord(text, text.indexOf("like")));
        assertFalse(ApostropheLineBreaking.insideWord(text, text.indexOf(" words")), "after a closing quote");
        assertFalse(ApostropheLineBreaking.insideWord(text, 0));
    }
}
