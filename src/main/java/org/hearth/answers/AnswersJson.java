package org.hearth.answers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes an answers export exactly as the site's My answers does ({@code JSON.stringify(data, null, 2)}):
 * the same keys in the same order, times with milliseconds in UTC, question and page labels from
 * the workbook, so a file exported from a PDF and one exported from the site compare equal.
 */
public final class AnswersJson {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private AnswersJson() {
    }

    /** The time as JavaScript's {@code toISOString} writes it. */
    public static String time(Instant t) {
        return ISO.format(t);
    }

    /**
     * The export as text.
     *
     * @param file the answers; empty ones (blank text, unticked boxes) are left out, as the site does
     * @param slots the workbook's fields, for each answer's question and page
     */
    public static String write(AnswersFile file, Slots slots) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"format\": ").append(str(AnswersFile.FORMAT)).append(",\n");
        out.append("  \"version\": ").append(AnswersFile.VERSION).append(",\n");
        out.append("  \"workbook\": {\n    \"id\": ").append(str(file.workbookId())).append(",\n    \"title\": ")
                .append(str(file.workbookTitle())).append("\n  },\n");
        out.append("  \"exportedAt\": ").append(str(time(file.exportedAt()))).append(",\n");
        StringBuilder answers = new StringBuilder();
        for (Map.Entry<String, Answer> e : file.answers().entrySet()) {
            Answer a = e.getValue();
            if (!written(a)) {
                continue;
            }
            answers.append(answers.isEmpty() ? "" : ",\n").append("    ").append(str(a.id())).append(": {\n");
            answers.append("      \"value\": ").append(a.value() instanceof Answer.Tick t ? String.valueOf(t.ticked()) : str(a.text()));
            answers.append(",\n      \"updatedAt\": ").append(str(time(a.updatedAt())));
            if (!a.history().isEmpty()) {
                answers.append(",\n      \"history\": [");
                for (int i = 0; i < a.history().size(); i++) {
                    Answer.Dated d = a.history().get(i);
                    answers.append(i == 0 ? "\n" : ",\n").append("        {\n          \"date\": ").append(str(d.date()))
                            .append(",\n          \"value\": ").append(str(d.value())).append("\n        }");
                }
                answers.append("\n      ]");
            }
            Slot s = slots.get(a.id());
            if (s != null) {
                answers.append(",\n      \"question\": ").append(str(s.question())).append(",\n      \"page\": ").append(str(s.page()));
            }
            answers.append("\n    }");
        }
        out.append("  \"answers\": ").append(answers.isEmpty() ? "{}" : "{\n" + answers + "\n  }").append("\n}");
        return out.toString();
    }

    /** Whether the site would export it: not empty text, not an unticked box. */
    public static boolean written(Answer a) {
        return switch (a.value()) {
            case Answer.Text t -> !t.text().isEmpty();
            case Answer.Tick t -> t.ticked();
        };
    }

    /** A JSON string as {@code JSON.stringify} writes it. */
    static String str(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (Character.isSurrogate(c) && !pair(s, i))) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Whether the surrogate at {@code i} is half of a well-formed pair (JSON.stringify escapes lone ones). */
    private static boolean pair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
