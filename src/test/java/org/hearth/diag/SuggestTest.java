package org.hearth.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTest {

    @Test
    void suggestsCloseNamesOnly() {
        List<String> keys = List.of("title", "subtitle", "page_size", "parts");
        assertEquals(Optional.of("page_size"), Suggest.closest("page_szie", keys));
        assertEquals(Optional.of("title"), Suggest.closest("titel", keys));
        assertEquals(Optional.empty(), Suggest.closest("colour", keys));
    }

    @Test
    void formatsPositionsLikeCompilers() {
        assertEquals("a.yml:3:5", new Position("a.yml", 3, 5).toString());
        assertEquals("a.yml:3", new Position("a.yml", 3, 0).toString());
        assertEquals("a.yml", Position.ofFile("a.yml").toString());
        assertEquals("1. a.yml:3:5: error: bad\n    hint: fix it\n",
                Diagnostics.formatNumbered(List.of(new Diagnostic(Severity.ERROR, new Position("a.yml", 3, 5), "bad", "fix it"))));
    }
}
