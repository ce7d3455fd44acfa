package org.hearth.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A value after a label's colon ("Tiempo: {0}") takes the case the catalogue's
 * {@code format.afterColon} asks for: Spanish lowers its first letter, except in a word written
 * all in capitals (an acronym such as ANAR); English leaves it as written.
 */
class AfterColonTest {

    static final Catalogue ES = new Catalogue("es", "messages/es.properties", Map.of("format.afterColon", "lower"));
    static final Catalogue EN = new Catalogue("en", "messages/en.properties", Map.of("format.afterColon", "as written"));

    @Test
    void spanishLowersTheFirstLetter() {
        assertEquals("de 5 a 10 minutos", ES.afterColon("De 5 a 10 minutos"));
        assertEquals("una semana de pasos pequeños", ES.afterColon("Una semana de pasos pequeños"));
        assertEquals("él decide", ES.afterColon("Él decide"));
        assertEquals("a diario", ES.afterColon("A diario"));
        assertEquals("10 minutos", ES.afterColon("10 minutos"));
        assertEquals("", ES.afterColon(""));
    }

    @Test
    void anAcronymKeepsItsCapitals() {
        assertEquals("ANAR, 10 minutos", ES.afterColon("ANAR, 10 minutos"));
        assertEquals("EMDR", ES.afterColon("EMDR"));
    }

    @Test
    void englishKeepsTheTextAsWritten() {
        assertEquals("As long as you like", EN.afterColon("As long as you like"));
    }
}
