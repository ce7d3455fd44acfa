package org.hearth.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Slugs of non-Latin titles and names are transliterated instead of falling back to a generic word. */
class TransliterationTest {

    @Test
    void greekAndCyrillicBecomeReadableSlugs() {
        assertEquals("kalimera", Slug.of("Καλημέρα", "exercise"));
        assertEquals("to-gramma-sto-paidi", Slug.of("Το γράμμα στο παιδί", "exercise"));
        assertEquals("mariya-ivanova", Slug.of("Мария Иванова", "person"));
        assertEquals("list-sobi", Slug.of("Лист собі", "exercise"));
        assertEquals("shchastya", Slug.of("Щастя", "x"));
    }

    @Test
    void latinTitlesAreAsBefore() {
        assertEquals("zoe-s-kind-words", Slug.of("Zoë's Kind Words", "x"));
        assertEquals("la-carta-al-nino", Slug.of("La carta al niño", "x"));
        assertEquals("exercise", Slug.of("心の手紙", "exercise"), "scripts without a table still fall back");
    }
}
