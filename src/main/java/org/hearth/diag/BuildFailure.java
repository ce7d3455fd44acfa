package org.hearth.diag;

import java.util.List;

/** Thrown when content or templates have errors; carries every diagnostic found so far. */
public final class BuildFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public BuildFailure(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count() + " error(s)");
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** A failure with a single error. */
    public static BuildFailure of(Position at, String message, String hint) {
        return new BuildFailure(List.of(new Diagnostic(Severity.ERROR, at, message, hint)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
