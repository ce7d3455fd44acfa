package org.hearth.diag;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects every problem a build finds so they can be reported together, numbered, and the build
 * failed once (rather than stopping at the first).
 */
public final class Diagnostics {

    private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

    /** Records an error. */
    public void error(Position at, String message, String hint) {
        items.add(new Diagnostic(Severity.ERROR, at, message, hint));
    }

    /** Records a warning. */
    public void warn(Position at, String message, String hint) {
        items.add(new Diagnostic(Severity.WARNING, at, message, hint));
    }

    /** Records every diagnostic of another collector. */
    public void addAll(List<Diagnostic> more) {
        // Most callers replay a document's problems, usually none: skip the lock and the copy.
        if (!more.isEmpty()) {
            items.addAll(more);
        }
    }

    public boolean hasErrors() {
        synchronized (items) {
            return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        }
    }

    /** All diagnostics, errors first, each group in file and line order. */
    public List<Diagnostic> list() {
        synchronized (items) {
            List<Diagnostic> copy = new ArrayList<>(items);
            copy.sort(Comparator.comparing(Diagnostic::severity)
                    .thenComparing(d -> d.position().file())
                    .thenComparingInt(d -> d.position().line())
                    .thenComparingInt(d -> d.position().column()));
            return List.copyOf(copy);
        }
    }

    /** Throws a {@link BuildFailure} holding everything collected so far if any of it is an error. */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new BuildFailure(list());
        }
    }

    /** Prints diagnostics numbered, as {@code 1. file:line:col: error: message}. */
    public static String formatNumbered(List<Diagnostic> list) {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (Diagnostic d : list) {
            out.append(n++).append(". ").append(d.format()).append('\n');
        }
        return out.toString();
    }
}
