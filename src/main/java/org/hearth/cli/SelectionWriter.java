package org.hearth.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites the {@code prompts:} list under {@code selection:} in workbook.yml text, leaving every
 * other line (other keys, other selection settings, comments) exactly as it was.
 */
final class SelectionWriter {

    private SelectionWriter() {
    }

    /** The text with {@code selection.prompts} set to {@code ids}. */
    static String withPrompts(String yaml, List<String> ids) {
        List<String> lines = new ArrayList<>(List.of(yaml.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        List<String> block = new ArrayList<>();
        block.add("  prompts:");
        ids.forEach(id -> block.add("    - " + id));

        int selection = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("selection:\\s*(#.*)?")) {
                selection = i;
                break;
            }
        }
        if (selection < 0) {
            lines.add("selection:");
            lines.addAll(block);
            return String.join("\n", lines) + "\n";
        }
        int end = selection + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith(" ") || lines.get(end).startsWith("#"))) {
            end++;
        }
        // Within the selection block, find the prompts: entry and the lines that belong to it.
        int start = -1;
        int stop = -1;
        for (int i = selection + 1; i < end; i++) {
            String line = lines.get(i);
            if (start < 0 && line.matches("  prompts:.*")) {
                start = i;
                stop = i + 1;
                while (stop < end && (lines.get(stop).startsWith("   ") || lines.get(stop).matches("  - .*")
                        || lines.get(stop).isBlank() && stop + 1 < end && lines.get(stop + 1).startsWith("   "))) {
                    stop++;
                }
            }
        }
        if (start < 0) {
            lines.addAll(selection + 1, block);
        } else {
            for (int i = stop - 1; i >= start; i--) {
                lines.remove(i);
            }
            lines.addAll(start, block);
        }
        return String.join("\n", lines) + "\n";
    }
}
