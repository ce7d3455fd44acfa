package org.hearth.cli;

/** Process exit codes, as documented in the README. */
public final class ExitCode {

    /** The build succeeded. */
    public static final int OK = 0;
    /** Content or templates have errors. */
    public static final int CONTENT = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** Reading or writing files failed, or Hearth itself failed. */
    public static final int INTERNAL = 3;

    private ExitCode() {
    }

    /** Prints a failure's problems, numbered, and an optional last line; returns {@link #CONTENT}. */
    static int report(java.io.PrintWriter err, org.hearth.diag.BuildFailure failure, String then) {
        err.print(org.hearth.diag.Diagnostics.formatNumbered(failure.diagnostics()));
        if (!then.isEmpty()) {
            err.println(then);
        }
        err.flush();
        return CONTENT;
    }
}
