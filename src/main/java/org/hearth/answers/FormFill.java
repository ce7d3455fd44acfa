package org.hearth.answers;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a fillable PDF's fields get from a person's answers: an answer on ruled lines is
 * broken to each field's width, one line per field, and whatever does not fit stays in the last
 * field (it scrolls there, and is read back whole).
 */
public final class FormFill {

    /**
     * A field as the layout placed it.
     *
     * @param form its kind as the template marks it ({@code text}, {@code box}, {@code check}, {@code radio}, {@code cell})
     * @param field its name
     * @param width its width in points
     */
    public record Spot(String form, String field, float width) {
    }

    /**
     * What one field gets.
     *
     * @param value the text, the check box's on-state ({@code Yes}) or the chosen radio's value
     * @param modified when the answer was written
     * @param history a rating's history to keep with the field, or empty
     */
    public record Filled(String value, Instant modified, String history) {
    }

    private static final Pattern LINE = Pattern.compile("(.+)-(\\d{1,4})"); // a rule number; more digits are no rule of ours

    private final AnswerSheet sheet;
    private final LineBreaker breaker;

    public FormFill(AnswerSheet sheet, LineBreaker breaker) {
        this.sheet = sheet;
        this.breaker = breaker;
    }

    /**
     * The Notes answers of entries (their ids) that need a Notes space in the form, since a note
     * written on the site or in another layout has a place only where print has room for one.
     */
    public java.util.Set<String> notes() {
        return sheet.entryNotes();
    }

    /** Whether the answers have one for the field {@code id}. */
    public boolean has(String id) {
        return sheet.get(id) != null;
    }

    /** The values of {@code spots} (fields without an answer are absent). */
    public Map<String, Filled> fill(List<Spot> spots, float size) {
        Map<String, Integer> rules = new HashMap<>();
        for (Spot s : spots) {
            Matcher m = LINE.matcher(s.field());
            if (s.form().equals("text") && m.matches()) {
                rules.merge(m.group(1), 1, Integer::sum);
            }
        }
        Map<String, Filled> out = new HashMap<>();
        for (Spot s : spots) {
            Matcher m = LINE.matcher(s.field());
            Answer exact = sheet.get(s.field());
            if (s.form().equals("text") && s.field().equals("cover-name")) {
                if (!sheet.file().name().isEmpty()) {
                    out.put(s.field(), new Filled(sheet.file().name(), sheet.file().exportedAt(), ""));
                }
            } else if (s.form().equals("text") && m.matches() && sheet.get(m.group(1)) != null) {
                Answer a = sheet.get(m.group(1));
                List<String> lines = breaker.lines(a.text(), s.width() - 4, size);
                int i = Integer.parseInt(m.group(2));
                int n = rules.get(m.group(1));
                String value = i < n ? (i <= lines.size() ? lines.get(i - 1) : "")
                        : i <= lines.size() ? FieldText.join(lines.subList(i - 1, lines.size())) : "";
                if (!value.isEmpty()) {
                    out.put(s.field(), new Filled(value, a.updatedAt(), ""));
                }
            } else if (exact != null) {
                switch (s.form()) {
                    case "check" -> {
                        if (exact.ticked()) {
                            out.put(s.field(), new Filled("Yes", exact.updatedAt(), ""));
                        }
                    }
                    case "radio" -> out.put(s.field(), new Filled(exact.text(), exact.updatedAt(), PdfAnswers.historyText(exact.history())));
                    default -> out.put(s.field(), new Filled(exact.text(), exact.updatedAt(), ""));
                }
            }
        }
        return out;
    }
}
