package org.hearth.content;

import java.util.Optional;
import org.hearth.diag.Diagnostics;
import org.hearth.source.SourceText;

/** Splits a Markdown file into its YAML front matter and its body, keeping real line numbers. */
final class FrontMatterSplitter {

    /** The two halves, each positioned at its line in the file. */
    record Split(SourceText yaml, SourceText body) {
    }

    Optional<Split> split(SourceText file, Diagnostics d) {
        String text = file.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n");
        if (!(text.startsWith("---\n") || text.equals("---"))) {
            d.error(file.at(0, 0), "missing front matter",
                    "start the file with a '---' line, then 'id:', 'title:', 'summary:', 'part:' and 'order:', then another '---' line");
            return Optional.empty();
        }
        int lineNo = 1; // line index (0-based) of the line after the opening ---
        int pos = 4;
        while (pos <= text.length()) {
            int end = text.indexOf('\n', pos);
            String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
            if (line.equals("---") || line.equals("...")) {
                String yaml = text.substring(4, pos);
                String body = end < 0 ? "" : text.substring(end + 1);
                return Optional.of(new Split(
                        new SourceText(file.path(), file.display(), yaml, file.firstLine() + 1),
                        new SourceText(file.path(), file.display(), body, file.firstLine() + lineNo + 1)));
            }
            if (end < 0) {
                break;
            }
            pos = end + 1;
            lineNo++;
        }
        d.error(file.at(0, 0), "front matter is not closed", "add a line containing only '---' after the front matter");
        return Optional.empty();
    }
}
