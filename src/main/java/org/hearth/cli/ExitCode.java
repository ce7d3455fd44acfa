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
}
