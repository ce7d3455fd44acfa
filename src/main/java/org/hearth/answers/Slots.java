package org.hearth.answers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.model.Block;
import org.hearth.model.Entry;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.PromptKind;
import org.hearth.model.Workbook;

/**
 * Every answer field of a workbook in book order, with the labels the site gives them (the same
 * ids and texts as the site's {@code HEARTH_LABELS}, so an export written here matches the site's).
 */
public final class Slots {

    private final Map<String, Slot> byId;

    private Slots(Map<String, Slot> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The fields of {@code workbook}. */
    public static Slots of(Workbook workbook) {
        Map<String, Slot> out = new LinkedHashMap<>();
        // The site's labels: "My prompts" and the plan first, then each entry's, later ones winning.
        workbook.morePrompts().forEach(p -> prompt(out, p, ""));
        workbook.plan().forEach(d -> {
            prompt(out, d.prompt(), "");
            Slot s = out.get(d.prompt().fieldId());
            out.put(s.id(), new Slot(s.id(), s.kind(), "Day " + d.day() + ": " + d.prompt().prompt().text(), ""));
            put(out, new Slot(d.notesId(), Slot.Kind.LINES, "Notes on Day " + d.day(), ""));
        });
        put(out, new Slot(Workbook.MORE_PROMPTS_NOTES, Slot.Kind.LINES, "Notes on My prompts", ""));
        for (int n = 1; n <= workbook.book().notesPages(); n++) {
            put(out, new Slot(workbook.book().notesPageId(n), Slot.Kind.LINES, "Notes, page " + n, ""));
        }
        for (Entry e : workbook.entries()) {
            for (Block b : e.blocks()) {
                if (b instanceof Block.Space sp) {
                    put(out, new Slot(sp.id(), sp.box() ? Slot.Kind.BOX : Slot.Kind.LINES, sp.label().isEmpty() ? "Notes" : sp.label(), e.title()));
                } else if (b instanceof Block.Tracker t) {
                    for (int r = 0; r < t.rows().size(); r++) {
                        for (int c = 0; c < t.columns().size(); c++) {
                            put(out, new Slot(t.id() + "-" + r + "-" + c, Slot.Kind.CELL, t.rows().get(r) + " (" + t.columns().get(c) + ")", e.title()));
                        }
                    }
                    for (int c = 0; c < t.columns().size(); c++) {
                        put(out, new Slot(t.id() + "-date-" + c, Slot.Kind.DATE, "Date of the check (" + t.columns().get(c) + ")", e.title()));
                    }
                }
            }
            if (!e.prompts().isEmpty()) {
                put(out, new Slot(e.dateId(), Slot.Kind.DATE, "Date for " + e.title(), e.title()));
            }
            e.prompts().forEach(p -> prompt(out, p, e.title()));
            put(out, new Slot(e.notesId(), Slot.Kind.LINES, "Notes on " + e.title(), e.title()));
        }
        return new Slots(out);
    }

    private static void prompt(Map<String, Slot> out, PlacedPrompt p, String page) {
        String f = p.fieldId();
        String text = p.prompt().text();
        PromptKind kind = p.prompt().kind();
        switch (kind) {
            case CHECKLIST -> {
                for (int i = 0; i < p.prompt().items().size(); i++) {
                    put(out, new Slot(f + "-" + i, Slot.Kind.TICK, text + " — " + p.prompt().items().get(i), page));
                }
                if (p.prompt().other()) {
                    put(out, new Slot(p.otherId(), Slot.Kind.LINES, text + " — Other", page));
                }
            }
            case RATING -> {
                put(out, new Slot(f, Slot.Kind.RATING, text, page));
                if (p.prompt().space() > 0) {
                    put(out, new Slot(f + "-note", Slot.Kind.LINES, text + " (note)", page));
                }
            }
            case BOX -> put(out, new Slot(f, Slot.Kind.BOX, text, page));
            default -> put(out, new Slot(f, Slot.Kind.LINES, text, page));
        }
    }

    private static void put(Map<String, Slot> out, Slot s) {
        out.remove(s.id()); // a later label wins, and takes the later place
        out.put(s.id(), s);
    }

    /** The field with this answer id, or null. */
    public Slot get(String id) {
        return byId.get(id);
    }

    /** All fields by id, in book order. */
    public Map<String, Slot> all() {
        return byId;
    }
}
