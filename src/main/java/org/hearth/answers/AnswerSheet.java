package org.hearth.answers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.diag.Shown;
import org.hearth.model.Block;
import org.hearth.model.Entry;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.Workbook;

/**
 * A person's answers bound to one workbook: only answers to fields this workbook has, each checked
 * against what its field holds, and the typed answer of each prompt for templates and forms.
 */
public final class AnswerSheet {

    /** A prompt's or writing space's answer, typed by what it asks for. */
    public sealed interface PromptAnswer permits Written, Ticks, Rated, SelfCheck {
        /** When it was last written (the newest of its parts). */
        Instant updatedAt();
    }

    /** Text for a journal, letter, mirror or box prompt, or a writing space. */
    public record Written(String id, String text, Instant updatedAt) implements PromptAnswer {
    }

    /** A checklist's ticked items, by their 0-based place, and the reader's own item (its Other line), or empty. */
    public record Ticks(String id, List<Integer> ticked, String other, Instant updatedAt) implements PromptAnswer {
        public Ticks {
            ticked = List.copyOf(ticked);
        }
    }

    /** A rating, its note (or empty) and its dated history. */
    public record Rated(String id, String value, String note, List<Answer.Dated> history, Instant updatedAt) implements PromptAnswer {
        public Rated {
            history = List.copyOf(history);
        }
    }

    /**
     * A self-check table's rows as filled in.
     *
     * @param dates each column's date, or empty
     * @param rows each row's scores by column, empty where not filled
     */
    public record SelfCheck(String id, List<String> dates, List<List<String>> rows, Instant updatedAt) implements PromptAnswer {
        public SelfCheck {
            dates = List.copyOf(dates);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    private final AnswersFile file;
    private final Slots slots;
    private final Map<String, Answer> known;

    private final java.util.Set<String> entryNotes;

    private AnswerSheet(AnswersFile file, Slots slots, Map<String, Answer> known, java.util.Set<String> entryNotes) {
        this.file = file;
        this.slots = slots;
        this.known = known;
        this.entryNotes = entryNotes;
    }

    /** The ids of the entries' Notes answers (of an exercise, page, plan day or "My prompts") that have an answer. */
    public java.util.Set<String> entryNotes() {
        return entryNotes;
    }

    /**
     * Binds answers to a workbook. Another workbook's answers are an error unless {@code anyWorkbook};
     * answers to fields this workbook does not have are listed in one warning and left out; a file
     * with nothing usable left is an error.
     *
     * @param slots the workbook's answer fields ({@link Slots#of})
     * @param source the answers file as named in messages
     */
    public static AnswerSheet bind(AnswersFile file, Workbook workbook, Slots slots, boolean anyWorkbook, String source, Diagnostics d) {
        Position at = Position.ofFile(source);
        // A language edition's export made before its id became "<id>--<lang>" names "<id>-<lang>".
        String former = workbook.book().id().replace("--", "-");
        if (!file.workbookId().equals(workbook.book().id()) && !file.workbookId().equals(former) && !anyWorkbook) {
            d.error(at, "these answers are for another workbook: “" + Shown.name(file.workbookTitle()) + "” (id " + Shown.name(file.workbookId()) + "), not “"
                    + workbook.book().title() + "” (id " + workbook.book().id() + ")",
                    "choose the answers exported from this workbook's site, or add --answers-any-workbook if you are sure");
            d.throwIfErrors();
        }
        Map<String, Answer> known = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Answer a : file.answers().values()) {
            Slot s = slots.get(a.id());
            if (s == null) {
                unknown.add(a.id());
            } else if (!fits(s, a)) {
                wrong.add(a.id());
            } else if (AnswersJson.written(a)) {
                known.put(a.id(), a);
            }
        }
        if (!unknown.isEmpty()) {
            d.warn(at, unknown.size() + (unknown.size() == 1 ? " answer is" : " answers are") + " not for questions of this selection and "
                    + (unknown.size() == 1 ? "is" : "are") + " left out: " + list(unknown),
                    "prompts left out of content/workbook.yml's selection keep their answers in the file; add them back to print them");
        }
        if (!wrong.isEmpty()) {
            d.warn(at, wrong.size() + (wrong.size() == 1 ? " answer does" : " answers do") + " not fit their question (text for a tick box, "
                    + "or a rating outside its scale) and " + (wrong.size() == 1 ? "is" : "are") + " left out: " + list(wrong), "");
        }
        if (known.isEmpty()) {
            d.error(at, "no answer in this file belongs to this workbook's questions, so there is nothing to print",
                    "check that the file is the export of this workbook, made after writing some answers");
            d.throwIfErrors();
        }
        java.util.Set<String> notes = new java.util.TreeSet<>();
        workbook.entries().forEach(e -> notes.add(e.notesId()));
        workbook.plan().forEach(day -> notes.add(day.notesId()));
        notes.add(Workbook.MORE_PROMPTS_NOTES);
        notes.retainAll(known.keySet());
        return new AnswerSheet(file, slots, known, java.util.Collections.unmodifiableSet(notes));
    }

    private static String list(List<String> ids) {
        return String.join(", ", (ids.size() > 20 ? ids.subList(0, 20) : ids).stream().map(Shown::name).toList()) + (ids.size() > 20 ? " and " + (ids.size() - 20) + " more" : "");
    }

    private static boolean fits(Slot s, Answer a) {
        return switch (s.kind()) {
            case TICK -> a.value() instanceof Answer.Tick;
            case RATING, CELL -> a.value() instanceof Answer.Text t && (t.text().isEmpty() || t.text().matches("-?\\d{1,3}"));
            default -> a.value() instanceof Answer.Text;
        };
    }

    /**
     * Reports each answer holding a character none of the PDF's fonts can show, naming the question
     * and the character (the PDF would otherwise print nothing, or a box, in its place).
     */
    public void checkGlyphs(IntPredicate canShow, String source, Diagnostics d) {
        for (Answer a : known.values()) {
            String text = a.text();
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i);
                if (!canShow.test(c)) {
                    d.error(Position.ofFile(source), "the answer to “" + shorten(Shown.name(slots.get(a.id()).question())) + "” (" + Shown.name(a.id())
                            + ") has a character the workbook's fonts cannot show: “" + Shown.name(new String(Character.toChars(c))) + "” ("
                            + String.format(java.util.Locale.ROOT, "U+%04X", c) + ")",
                            "the PDF's fonts (Yrsa and Lato) show Latin, Greek and Cyrillic letters; remove or replace the character");
                    break;
                }
                i += Character.charCount(c);
            }
        }
    }

    private static String shorten(String s) {
        return s.length() > 70 ? s.substring(0, 69) + "…" : s;
    }

    /** The file the answers came from. */
    public AnswersFile file() {
        return file;
    }

    /** The workbook's fields. */
    public Slots slots() {
        return slots;
    }

    /** The answer to this field, or null. */
    public Answer get(String id) {
        return known.get(id);
    }

    /** Every usable answer, by id in id order. */
    public Map<String, Answer> answers() {
        return java.util.Collections.unmodifiableMap(known);
    }

    /** The typed answers of a workbook's prompts and writing spaces, in book order; unanswered ones are left out. */
    public List<PromptAnswer> typed(Workbook workbook) {
        List<PromptAnswer> out = new ArrayList<>();
        for (Entry e : workbook.entries()) {
            for (Block b : e.blocks()) {
                if (b instanceof Block.Space sp && known.containsKey(sp.id())) {
                    out.add(new Written(sp.id(), known.get(sp.id()).text(), known.get(sp.id()).updatedAt()));
                } else if (b instanceof Block.Tracker t) {
                    SelfCheck s = selfCheck(t);
                    if (s != null) {
                        out.add(s);
                    }
                }
            }
            e.prompts().forEach(p -> add(out, p));
        }
        workbook.plan().forEach(day -> add(out, day.prompt()));
        workbook.morePrompts().forEach(p -> add(out, p));
        return out;
    }

    private void add(List<PromptAnswer> out, PlacedPrompt p) {
        PromptAnswer a = of(p);
        if (a != null) {
            out.add(a);
        }
    }

    /** A prompt's typed answer, or null when it has none. */
    public PromptAnswer of(PlacedPrompt p) {
        String f = p.fieldId();
        switch (p.prompt().kind()) {
            case CHECKLIST -> {
                List<Integer> ticked = new ArrayList<>();
                Instant newest = null;
                for (int i = 0; i < p.prompt().items().size(); i++) {
                    Answer a = known.get(f + "-" + i);
                    if (a != null && a.ticked()) {
                        ticked.add(i);
                        newest = newest == null || a.updatedAt().isAfter(newest) ? a.updatedAt() : newest;
                    }
                }
                Answer other = p.prompt().other() ? known.get(p.otherId()) : null;
                newest = later(newest, other);
                return ticked.isEmpty() && other == null ? null : new Ticks(f, ticked, other == null ? "" : other.text(), newest);
            }
            case RATING -> {
                Answer v = known.get(f);
                Answer note = known.get(f + "-note");
                if (v == null && note == null) {
                    return null;
                }
                Instant t = v == null ? note.updatedAt() : note == null || v.updatedAt().isAfter(note.updatedAt()) ? v.updatedAt() : note.updatedAt();
                return new Rated(f, v == null ? "" : v.text(), note == null ? "" : note.text(), v == null ? List.of() : v.history(), t);
            }
            default -> {
                Answer a = known.get(f);
                return a == null ? null : new Written(f, a.text(), a.updatedAt());
            }
        }
    }

    /** A self-check table's answers, or null when none of its cells is filled. */
    public SelfCheck selfCheck(Block.Tracker t) {
        List<String> dates = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        Instant newest = null;
        for (int c = 0; c < t.columns().size(); c++) {
            Answer a = known.get(t.id() + "-date-" + c);
            dates.add(a == null ? "" : a.text());
            newest = later(newest, a);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < t.columns().size(); c++) {
                Answer a = known.get(t.id() + "-" + r + "-" + c);
                row.add(a == null ? "" : a.text());
                newest = later(newest, a);
            }
            rows.add(row);
        }
        return newest == null ? null : new SelfCheck(t.id(), dates, rows, newest);
    }

    private static Instant later(Instant newest, Answer a) {
        return a == null ? newest : newest == null || a.updatedAt().isAfter(newest) ? a.updatedAt() : newest;
    }
}
