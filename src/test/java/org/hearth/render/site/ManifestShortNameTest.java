package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The web-app manifest's short name, shown under the icon on a phone's home screen, is a whole
 * phrase of the title, never a title cut in the middle with a dangling word or space.
 */
class ManifestShortNameTest {

    @Test
    void aShortTitleIsKept() {
        assertEquals("Coming Home to Yourself", OfflineFiles.shortName("Coming Home to Yourself"));
    }

    @Test
    void aLongTitleKeepsItsFirstClause() {
        // The Spanish default title, with the no-break space that keeps «a ti» together on the cover.
        assertEquals("Volver a casa", OfflineFiles.shortName("Volver a casa, volver a\u00A0ti"));
    }

    @Test
    void aLongTitleWithoutAClauseIsCutBetweenWords() {
        assertEquals("Un cuaderno para cuidar", OfflineFiles.shortName("Un cuaderno para cuidar a tu niño interior"));
        assertEquals("Abcdefghijklmnopqrstuvwx", OfflineFiles.shortName("Abcdefghijklmnopqrstuvwxyz"));
    }
}
