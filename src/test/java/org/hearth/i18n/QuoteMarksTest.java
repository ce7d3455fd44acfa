package org.hearth.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quotations inside quotations take the language's marks for their depth. */
class QuoteMarksTest {

    private static final Catalogue SPANISH = new Catalogue("es", "messages/es.properties",
            Map.of("quote.open", "\u00ab", "quote.close", "\u00bb", "quote.nested", "\u201c \u201d \u2018 \u2019"));
    private static final Catalogue ENGLISH = new Catalogue("en", "messages/en.properties",
            Map.of("quote.open", "\u201c", "quote.close", "\u201d", "quote.nested", "\u2018 \u2019 \u201c \u201d"));

    @Test
    void spanishNestsAngleThenEnglishThenSingleMarks() {
        QuoteMarks es = QuoteMarks.of(SPANISH);
        // The typographer's “ ‘ ’ ” become « “ ” »; a quotation three deep gets ‘ ’.
        assertEquals("<p>Me dijo: \u00abSu madre le repet\u00eda \u201cno llores\u201d\u00bb.</p>",
                es.apply("<p>Me dijo: \u201cSu madre le repet\u00eda \u2018no llores\u2019\u201d.</p>", 0));
        assertEquals("<p>\u00abElla: \u201cy \u00e9l: \u2018basta\u2019 \u2014 dijo\u201d\u00bb</p>",
                es.apply("<p>\u201cElla: \u2018y \u00e9l: \u201cbasta\u201d \u2014 dijo\u2019\u201d</p>", 0));
        // Marks written by hand as « » count the same, so a quotation inside them is one deeper.
        assertEquals("\u00abDecir \u201cbasta\u201d\u00bb", es.apply("\u00abDecir \u201cbasta\u201d\u00bb", 0));
    }

    @Test
    void englishNestsDoubleThenSingleThenDouble() {
        QuoteMarks en = QuoteMarks.of(ENGLISH);
        assertEquals("\u201cShe said \u2018I\u2019m \u201cfine\u201d\u2019.\u201d",
                en.apply("\u201cShe said \u201cI\u2019m \u201cfine\u201d\u201d.\u201d", 0));
        // Typical English text comes back exactly as it was.
        String usual = "<p>Maya\u2019s \u2018word\u2019 and \u201ca \u2018quote\u2019 inside\u201d, the kids\u2019 toys.</p>";
        assertEquals(usual, en.apply(usual, 0));
    }

    @Test
    void apostrophesTagsAndCodeAreLeftAlone() {
        QuoteMarks es = QuoteMarks.of(SPANISH);
        // An apostrophe inside a quotation (a letter follows) does not close it.
        assertEquals("\u00abI\u2019m \u201cok\u201d\u00bb", es.apply("\u201cI\u2019m \u2018ok\u2019\u201d", 0));
        // A lone single mark outside any quotation stays: it may be an apostrophe.
        assertEquals("el \u2018s\u00ed\u2019 de rock \u2019n\u2019 roll", es.apply("el \u2018s\u00ed\u2019 de rock \u2019n\u2019 roll", 0));
        assertEquals("<a title=\"x\">\u00aba\u00bb</a> <code>\u201ckeep\u201d</code>",
                es.apply("<a title=\"x\">\u201ca\u201d</a> <code>\u201ckeep\u201d</code>", 0));
        // An unclosed quotation does not run into the next paragraph.
        assertEquals("<p>\u00aboops</p><p>\u00abnew\u00bb</p>", es.apply("<p>\u201coops</p><p>\u201cnew\u201d</p>", 0));
    }

    @Test
    void aQuotedTitleQuotesWhatItHoldsOneLevelDeeper() {
        assertEquals("\u00abLa voz \u201cinterna\u201d\u00bb", SPANISH.quote("La voz \u201cinterna\u201d"));
        assertEquals("\u201cThe \u2018inner\u2019 voice\u201d", ENGLISH.quote("The \u201cinner\u201d voice"));
        assertEquals("\u00abSin comillas\u00bb", SPANISH.quote("Sin comillas"));
    }

    @Test
    void deeperThanTheCatalogueSaysCyclesTheInnerPairs() {
        QuoteMarks es = QuoteMarks.of(SPANISH);
        assertEquals("\u201c", es.at(3)[0]);
        assertEquals("\u2018", es.at(4)[0]);
        assertEquals("\u00ab", new QuoteMarks(java.util.List.<String[]>of(new String[] {"\u00ab", "\u00bb"})).at(2)[0]);
    }
}
