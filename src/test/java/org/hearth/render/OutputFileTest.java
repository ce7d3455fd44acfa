package org.hearth.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A file whose bytes are put together when first asked for: once, whole, and moved without being made. */
class OutputFileTest {

    @Test
    void anAssembledFileIsMadeOnceWhenItsBytesAreFirstAskedFor() {
        AtomicInteger made = new AtomicInteger();
        byte[] text = "window.HEARTH_INDEX = [];\n".getBytes(StandardCharsets.UTF_8);
        OutputFile index = OutputFile.assembled("search-index.js", text.length, null, () -> {
            made.incrementAndGet();
            return text.clone();
        });
        OutputFile moved = index.at("assets/search-index.0123456789.js");
        assertEquals(text.length, moved.size());
        assertEquals(0, made.get(), "moving it and asking its size do not put it together");
        assertTrue(moved.sameContent(index));

        List<CompletableFuture<byte[]>> readers = List.of(
                CompletableFuture.supplyAsync(moved::bytes), CompletableFuture.supplyAsync(index::bytes), CompletableFuture.supplyAsync(index::bytes));
        readers.forEach(r -> assertArrayEquals(text, r.join()));
        assertEquals(1, made.get(), "made once, whichever threads ask");
        assertSame(index.bytes(), moved.bytes());
    }

    @Test
    void anAssemblyOfAnotherSizeThanPromisedFails() {
        OutputFile wrong = OutputFile.assembled("x.js", 3, null, () -> new byte[2]);
        assertThrows(IllegalStateException.class, wrong::bytes);
    }

    @Test
    void filesOfTheSameArrayHoldTheSameContentAndOthersDoNot() {
        byte[] theme = {1, 2, 3};
        assertTrue(new OutputFile("a.css", theme).sameContent(new OutputFile("assets/a.1.css", theme)));
        assertFalse(new OutputFile("a.css", theme).sameContent(new OutputFile("a.css", theme.clone())));
        assertFalse(new OutputFile("a.css", theme).sameContent(null));
    }
}
