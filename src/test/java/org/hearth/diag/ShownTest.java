package org.hearth.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Names quoted from files never bring control, bidi or invisible characters into a message. */
class ShownTest {

    @Test
    void bidiOverridesIsolatesAndControlsAreEscaped() {
        assertEquals("a\\u{202E}b\\u{2066}c\\u{2069}\\u{1B}[2J\\u{85}\\u{9}\\u{A}d", Shown.name("a\u202Eb\u2066c\u2069\u001B[2J\u0085\t\nd"));
        assertEquals("zero\\u{200B}width\\u{FEFF}\\u{AD}", Shown.name("zero\u200Bwidth\uFEFF\u00AD"));
        assertEquals("Ζεστασιά тепло café 😀", Shown.name("Ζεστασιά тепло café 😀"), "letters and emoji stay as they are");
        assertEquals("\\u{D800}x", Shown.name("\uD800x"), "a lone surrogate");
    }

    @Test
    void aLongNameIsCut() {
        assertEquals("x".repeat(80) + "…", Shown.name("x".repeat(2_000_000)));
    }

    @Test
    void everyDiagnosticIsSafeWhateverItsCallerQuoted() {
        Diagnostic d = new Diagnostic(Severity.ERROR, Position.ofFile("a.json"), "unknown key 'x\u202Ey'", "rename \u2067it\u2069");
        String shown = d.format();
        assertFalse(shown.chars().anyMatch(c -> c == 0x202E || c == 0x2067 || c == 0x2069), shown);
        assertTrue(shown.contains("unknown key 'x\\u{202E}y'") && shown.contains("\n    hint: rename \\u{2067}it\\u{2069}"), shown);
    }
}
