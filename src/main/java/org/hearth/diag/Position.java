package org.hearth.diag;

/**
 * A place in a source file, shown as {@code file:line:col}; line and column count from 1.
 *
 * @param file the file as shown to the user (relative to the working folder when possible)
 * @param line 1-based line, or 0 when only the file is known
 * @param column 1-based column, or 0 when only the line is known
 */
public record Position(String file, int line, int column) {

    /** A position naming only a file (for problems with the file as a whole). */
    public static Position ofFile(String file) {
        return new Position(file, 0, 0);
    }

    /** This position moved down by {@code lines} lines (for text embedded in a larger file). */
    public Position shiftLines(int lines) {
        return line == 0 ? this : new Position(file, line + lines, column);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
