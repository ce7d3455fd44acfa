package org.hearth.diag;

import java.util.Objects;

/**
 * One problem found while building, with where it is and what to do about it.
 *
 * @param severity error or warning
 * @param position where the problem is
 * @param message what is wrong, one sentence
 * @param hint what to do about it; may be empty
 */
public record Diagnostic(Severity severity, Position position, String message, String hint) {

    public Diagnostic {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(position);
        Objects.requireNonNull(message);
        // Messages quote names from files; whatever a caller quoted raw, no control or bidi character reaches the terminal.
        message = Shown.message(message);
        hint = hint == null ? "" : Shown.message(hint);
    }

    /** {@code file:line:col: error: message} followed by an indented hint line when there is one. */
    public String format() {
        String head = position + ": " + severity.label() + ": " + message;
        return hint.isEmpty() ? head : head + "\n    hint: " + hint;
    }
}
