package org.hearth.answers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import org.hearth.model.PlacedPrompt;

/**
 * What the print templates ask when they typeset a keepsake (a workbook with a person's own
 * answers): the lines of each answer broken to the page's measure, ticks, ratings, self-check
 * cells and the date of each answer. Templates see it as {@code answers}; without answers it is absent.
 */
public final class Keepsake {

    /** The answer text's size in points, the body's. */
    public static final float SIZE = 12;

    private final AnswerSheet sheet;
    private final LineBreaker breaker;
    private final boolean answeredOnly;
    private final String name;
    private final Locale locale;
    private final float measure;

    /**
     * A keepsake of {@code sheet}.
     *
     * @param answeredOnly leave out prompts and writing spaces without an answer
     * @param name whose answers these are, or empty
     * @param language the book's language, for dates
     */
    public Keepsake(AnswerSheet sheet, LineBreaker breaker, boolean answeredOnly, String name, String language) {
        this(sheet, breaker, answeredOnly, name, Locale.forLanguageTag(language), 0);
    }

    private Keepsake(AnswerSheet sheet, LineBreaker breaker, boolean answeredOnly, String name, Locale locale, float measure) {
        this.sheet = sheet;
        this.breaker = breaker;
        this.answeredOnly = answeredOnly;
        this.name = name;
        this.locale = locale;
        this.measure = measure;
    }

    /**
     * The same keepsake set in a text column {@code columnMm} wide (the page less its side margins,
     * which the PDF renderer knows), less a little room, so a broken line always fits on its rule.
     */
    public Keepsake on(double columnMm) {
        return new Keepsake(sheet, breaker, answeredOnly, name, locale, (float) (columnMm * 72 / 25.4) - 8);
    }

    /** The answers bound to the workbook. */
    public AnswerSheet sheet() {
        return sheet;
    }

    public boolean answeredOnly() {
        return answeredOnly;
    }

    /** Whose answers these are, or empty. */
    public String name() {
        return name;
    }

    /** When the answers were exported, as a long date in the book's language. */
    public String exported() {
        return day(sheet.file().exportedAt());
    }

    /** Whether the field has an answer. */
    public boolean has(String id) {
        return sheet.get(id) != null;
    }

    /** Whether the prompt has any answer (a ticked item, a rating or its note, text). */
    public boolean answered(PlacedPrompt p) {
        return sheet.of(p) != null;
    }

    /** The answer's lines on this page size, or none. */
    public List<String> lines(String id) {
        Answer a = sheet.get(id);
        return a == null ? List.of() : breaker.lines(a.text(), measure, SIZE);
    }

    /** How many ruled lines the field needs: its own {@code n}, or more when the answer is longer. */
    public int count(String id, int n) {
        return Math.max(n, lines(id).size());
    }

    /** Line {@code i} (from 1) of the answer, or empty. */
    public String line(String id, int i) {
        List<String> lines = lines(id);
        return i <= lines.size() ? lines.get(i - 1) : "";
    }

    /** {@code text} in runs of one font each (see {@link LineBreaker#runs}). */
    public List<LineBreaker.Run> runs(String text) {
        return breaker.runs(text);
    }

    /** The answer's text, or empty. */
    public String text(String id) {
        Answer a = sheet.get(id);
        return a == null ? "" : a.text();
    }

    /** Whether the check box is ticked. */
    public boolean ticked(String id) {
        Answer a = sheet.get(id);
        return a != null && a.ticked();
    }

    /** The date a field's answer was written, or empty. */
    public String date(String id) {
        Answer a = sheet.get(id);
        return a == null ? "" : day(a.updatedAt());
    }

    /** The date a prompt was last answered, or empty. */
    public String promptDate(PlacedPrompt p) {
        AnswerSheet.PromptAnswer a = sheet.of(p);
        return a == null ? "" : day(a.updatedAt());
    }

    /** A rating's dated answers as "2 Nov 2026: 3" lines, oldest first. */
    public List<String> history(String id) {
        Answer a = sheet.get(id);
        if (a == null) {
            return List.of();
        }
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return a.history().stream().map(h -> {
            try {
                return f.format(java.time.LocalDate.parse(h.date())) + ": " + h.value();
            } catch (java.time.format.DateTimeParseException e) {
                return h.date() + ": " + h.value();
            }
        }).toList();
    }

    private String day(Instant t) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(ZoneOffset.UTC).format(t);
    }
}
