package org.hearth.answers;

import java.util.List;

/**
 * How an answer's text spreads over a fillable PDF's one-line fields and comes back: a line broken
 * at a space ends with that space, any other line ends at a line break of the text.
 */
final class FieldText {

    private FieldText() {
    }

    /** The lines joined back into the text. */
    static String join(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0 && !lines.get(i - 1).endsWith(" ")) {
                out.append('\n');
            }
            out.append(lines.get(i));
        }
        return out.toString();
    }
}
