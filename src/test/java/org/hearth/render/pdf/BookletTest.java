package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BookletTest {

    private static String sides(int pages) {
        return Booklet.order(pages).stream().map(s -> s[0] + "|" + s[1]).collect(Collectors.joining(" "));
    }

    @Test
    void eightPagesMakeTwoSheetsInSaddleStitchOrder() {
        // Sheet 1 front: 8|1, back: 2|7; sheet 2 front: 6|3, back: 4|5.
        assertEquals("8|1 2|7 6|3 4|5", sides(8));
    }

    @Test
    void oddCountsArePaddedWithBlanksAtTheBack() {
        assertEquals("0|1 2|0 0|3 4|5", sides(5));
        assertEquals("0|1 2|0", sides(2));
    }

    @Test
    void everyPageAppearsExactlyOnce() {
        for (int pages = 1; pages <= 41; pages++) {
            List<Integer> seen = Booklet.order(pages).stream().flatMap(s -> java.util.stream.IntStream.of(s).boxed())
                    .filter(p -> p > 0).sorted().toList();
            assertEquals(java.util.stream.IntStream.rangeClosed(1, pages).boxed().toList(), seen, "pages " + pages);
            assertEquals(0, Booklet.order(pages).size() % 2, "whole sheets only");
        }
    }
}
