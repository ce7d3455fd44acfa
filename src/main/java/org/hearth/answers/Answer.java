package org.hearth.answers;

import java.time.Instant;
import java.util.List;

/**
 * One stored answer as the site keeps it: the value of one answer field and when it was written.
 *
 * @param id the answer id (the site's field id, for example {@code acknowledge--ack-big-reaction})
 * @param value what was written or ticked
 * @param updatedAt when it was last written
 * @param history a rating's dated answers, oldest first, or empty
 */
public record Answer(String id, Value value, Instant updatedAt, List<Dated> history) {

    public Answer {
        history = List.copyOf(history);
    }

    /** Text or a tick: the two kinds of value the export format knows. */
    public sealed interface Value permits Text, Tick {
    }

    /** Typed text (also a rating's number and a self-check cell, which the site stores as text). */
    public record Text(String text) implements Value {
    }

    /** A check box, ticked or not. */
    public record Tick(boolean ticked) implements Value {
    }

    /**
     * One dated answer of a rating.
     *
     * @param date the day, as YYYY-MM-DD
     * @param value the rating that day
     */
    public record Dated(String date, String value) {
    }

    /** The value as text (a tick is "true" or "false"). */
    public String text() {
        return switch (value) {
            case Text t -> t.text();
            case Tick t -> String.valueOf(t.ticked());
        };
    }

    /** Whether the value is a ticked box. */
    public boolean ticked() {
        return value instanceof Tick t && t.ticked();
    }
}
