package org.hearth.model;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A rating scale such as 0–10 or 1–5.
 *
 * @param min lowest value
 * @param max highest value
 */
public record Scale(int min, int max) {

    /** Every point on the scale, for templates to lay out. */
    public List<Integer> points() {
        return IntStream.rangeClosed(min, max).boxed().toList();
    }

    public String label() {
        return min + "-" + max;
    }

    /** Parses {@code 0-10} or {@code 1-5}; empty for anything else. */
    public static java.util.Optional<Scale> parse(String text) {
        return switch (text.trim()) {
            case "0-10" -> java.util.Optional.of(new Scale(0, 10));
            case "1-5" -> java.util.Optional.of(new Scale(1, 5));
            case "1-10" -> java.util.Optional.of(new Scale(1, 10));
            default -> java.util.Optional.empty();
        };
    }
}
