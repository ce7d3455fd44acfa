package org.hearth.source;

import java.nio.file.Path;
import org.hearth.diag.Position;

/**
 * Text read from a file, with the name shown in diagnostics and the line at which the text starts
 * in that file (front matter starts on line 2, after its opening {@code ---}).
 *
 * @param path the file on disk
 * @param display the name printed in diagnostics
 * @param text the text itself
 * @param firstLine 1-based line in the file where {@code text} starts
 */
public record SourceText(Path path, String display, String text, int firstLine) {

    /** Position of a 0-based line and column inside {@code text}. */
    public Position at(int line0, int column0) {
        return new Position(display, firstLine + line0, column0 + 1);
    }

    /** Position of a character offset inside {@code text}. */
    public Position atOffset(int offset) {
        int line = 0;
        int lineStart = 0;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return at(line, end - lineStart);
    }

    /** Position of the file as a whole. */
    public Position file() {
        return new Position(display, firstLine, 1);
    }
}
