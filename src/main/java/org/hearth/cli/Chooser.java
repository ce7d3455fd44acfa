package org.hearth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * The interactive prompt chooser: exercises and their prompts as a list of check boxes. Arrow
 * keys (or j/k) move, space ticks, {@code /} filters by text, tag or kind, {@code a} and
 * {@code n} tick or clear everything shown, {@code s} or Enter saves, {@code q} quits.
 */
final class Chooser {

    /** A line of the list: an exercise heading (prompt null) or one of its prompts. */
    record Row(String exercise, String exerciseTitle, String promptId, String label, String search) {
        boolean heading() {
            return promptId == null;
        }
    }

    private final Terminal terminal;
    private final List<Row> rows;
    private final Set<String> chosen;
    private String filter = "";
    private int cursor;

    Chooser(Terminal terminal, List<Row> rows, Set<String> chosen) {
        this.terminal = terminal;
        this.rows = rows;
        this.chosen = new LinkedHashSet<>(chosen);
    }

    /** Runs until the user saves (returns the chosen ids, in list order) or quits (returns null). */
    List<String> run() throws IOException {
        var previous = terminal.enterRawMode();
        try {
            NonBlockingReader in = terminal.reader();
            while (true) {
                draw();
                int c = in.read();
                List<Row> shown = shown();
                switch (c) {
                    case -1, 'q' -> {
                        return null;
                    }
                    case 's', '\r', '\n' -> {
                        List<String> ids = new ArrayList<>();
                        rows.stream().filter(r -> !r.heading() && chosen.contains(r.promptId())).forEach(r -> ids.add(r.promptId()));
                        return ids;
                    }
                    case 'j' -> move(1, shown);
                    case 'k' -> move(-1, shown);
                    case ' ' -> toggle(shown);
                    case 'a' -> shown.stream().filter(r -> !r.heading()).forEach(r -> chosen.add(r.promptId()));
                    case 'n' -> shown.stream().filter(r -> !r.heading()).forEach(r -> chosen.remove(r.promptId()));
                    case '/' -> {
                        filter = readLine(in, "Filter (text, tag or kind; empty for all): ");
                        cursor = 0;
                    }
                    case 27 -> { // escape sequences: arrow keys
                        if (in.read(50) == '[') {
                            int k = in.read(50);
                            move(k == 'A' ? -1 : k == 'B' ? 1 : 0, shown);
                        }
                    }
                    default -> { }
                }
            }
        } finally {
            terminal.setAttributes(previous);
            terminal.writer().println();
            terminal.flush();
        }
    }

    private List<Row> shown() {
        if (filter.isBlank()) {
            return rows;
        }
        String f = filter.toLowerCase(Locale.ROOT);
        List<Row> out = new ArrayList<>();
        Row heading = null;
        for (Row r : rows) {
            if (r.heading()) {
                heading = r;
            } else if (r.search().contains(f)) {
                if (heading != null && (out.isEmpty() || out.get(out.size() - 1) != heading) && !out.contains(heading)) {
                    out.add(heading);
                }
                out.add(r);
            }
        }
        return out;
    }

    private void move(int by, List<Row> shown) {
        if (shown.isEmpty()) {
            return;
        }
        int next = cursor;
        do {
            next = Math.max(0, Math.min(shown.size() - 1, next + by));
        } while (by != 0 && shown.get(next).heading() && next > 0 && next < shown.size() - 1);
        cursor = next;
    }

    private void toggle(List<Row> shown) {
        if (cursor >= shown.size()) {
            return;
        }
        Row r = shown.get(cursor);
        if (r.heading()) {
            // Ticking a heading ticks (or clears) all of its prompts.
            List<Row> its = rows.stream().filter(x -> !x.heading() && x.exercise().equals(r.exercise())).toList();
            boolean all = its.stream().allMatch(x -> chosen.contains(x.promptId()));
            its.forEach(x -> {
                if (all) {
                    chosen.remove(x.promptId());
                } else {
                    chosen.add(x.promptId());
                }
            });
        } else if (!chosen.remove(r.promptId())) {
            chosen.add(r.promptId());
        }
    }

    private String readLine(NonBlockingReader in, String label) throws IOException {
        PrintWriter out = terminal.writer();
        StringBuilder s = new StringBuilder();
        out.print("\r\n" + label);
        out.flush();
        while (true) {
            int c = in.read();
            if (c == -1 || c == '\r' || c == '\n') {
                return s.toString();
            }
            if ((c == 127 || c == 8) && !s.isEmpty()) {
                s.setLength(s.length() - 1);
                out.print("\b \b");
            } else if (c >= 32) {
                s.append((char) c);
                out.print((char) c);
            }
            out.flush();
        }
    }

    private void draw() {
        PrintWriter out = terminal.writer();
        List<Row> shown = shown();
        cursor = Math.min(cursor, Math.max(0, shown.size() - 1));
        int height = terminal.getHeight() > 5 ? terminal.getHeight() : 24;
        int width = terminal.getWidth() > 20 ? terminal.getWidth() : 100;
        int room = height - 4;
        int first = Math.max(0, Math.min(cursor - room / 2, shown.size() - room));
        out.print("\033[H\033[2J");
        out.print("Choose prompts: ↑/↓ or j/k move · space ticks · / filter · a all · n none · s save · q quit\r\n");
        out.print(chosen.size() + " chosen" + (filter.isBlank() ? "" : " · filter: " + filter) + "\r\n\r\n");
        for (int i = first; i < Math.min(shown.size(), first + room); i++) {
            Row r = shown.get(i);
            String mark = i == cursor ? "> " : "  ";
            String line = r.heading() ? mark + r.exerciseTitle()
                    : mark + "  [" + (chosen.contains(r.promptId()) ? "x" : " ") + "] " + r.label();
            out.print((line.length() > width - 1 ? line.substring(0, width - 2) + "…" : line) + "\r\n");
        }
        out.flush();
    }
}
