package org.hearth.answers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hearth.i18n.Catalogue;
import org.hearth.model.Block;
import org.hearth.model.Entry;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.PromptKind;
import org.hearth.model.Workbook;

/**
 * Every answer field of a workbook in book order, with the labels the site gives them (the same
 * ids and texts as the site's {@code HEARTH_LABELS}, in the workbook's language, so an export written
 * here matches the site's).
 */
public final class Slots {

    private final Map<String, Slot> byId;

    private Slots(Map<String, Slot> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The fields of {@code workbook}, labelled with {@code msg}, the interface strings of the workbook's language. */
    public static Slots of(Workbook workbook, Catalogue msg) {
        Map<String, Slot> out = new LinkedHashMap<>();
        // The site's labels: "My prompts" and the plan first, then each entry's, later ones winning.
        // The same message keys as the site's labels (SearchIndex), so both say the same in every language.
        workbook.morePrompts().forEach(p -> prompt(out, p, "", msg));
        workbook.plan().forEach(d -> {
            prompt(out, d.prompt(), "", msg);
            Slot s = out.get(d.prompt().fieldId());
            out.put(s.id(), new Slot(s.id(), s.kind(), msg.t("plan.day", d.day()) + ": " + d.prompt().prompt().text(), ""));
            put(out, new Slot(d.notesId(), Slot.Kind.LINES, msg.t("pdf.notesOn", msg.t("plan.day", d.day())), ""));
        });
        put(out, new Slot(Workbook.MORE_PROMPTS_NOTES, Slot.Kind.LINES, msg.t("pdf.notesOn", msg.t("more.prompts")), ""));
        for (int n = 1; n <= workbook.book().notesPages(); n++) {
            put(out, new Slot(workbook.book().notesPageId(n), Slot.Kind.LINES, msg.t("index.notesPage", n), ""));
        }
        for (Entry e : workbook.entries()) {
            for (Block b : e.blocks()) {
                if (b instanceof Block.Space sp) {
                    put(out, new Slot(sp.id(), sp.box() ? Slot.Kind.BOX : Slot.Kind.LINES, sp.label().isEmpty() ? msg.t("pdf.notes") : sp.label(), e.title()));
                } else if (b instanceof Block.Tracker t) {
                    for (int r = 0; r < t.rows().size(); r++) {
                        for (int c = 0; c < t.columns().size(); c++) {
                            put(out, new Slot(t.id() + "-" + r + "-" + c, Slot.Kind.CELL, t.rows().get(r) + " (" + t.columns().get(c) + ")", e.title()));
                        }
                    }
                    for (int c = 0; c < t.columns().size(); c++) {
                        put(out, new Slot(t.id() + "-date-" + c, Slot.Kind.DATE, msg.t("index.checkDate", t.columns().get(c)), e.title()));
                    }
                }
            }
            if (!e.prompts().isEmpty()) {
                put(out, new Slot(e.dateId(), Slot.Kind.DATE, msg.t("pdf.dateFor", e.title()), e.title()));
            }
            e.prompts().forEach(p -> prompt(out, p, e.title(), msg));
            put(out, new Slot(e.notesId(), Slot.Kind.LINES, msg.t("pdf.notesOn", e.title()), e.title()));
        }
        return new Slots(out);
    }

    private static void prompt(Map<String, Slot> out, PlacedPrompt p, String page, Catalogue msg) {
        String f = p.fieldId();
        String text = p.prompt().text();
        PromptKind kind = p.prompt().kind();
        switch (kind) {
            case CHECKLIST -> {
                for (int i = 0; i < p.prompt().items().size(); i++) {
                    put(out, new Slot(f + "-" + i, Slot.Kind.TICK, text + " — " + p.prompt().items().get(i), page));
                }
                if (p.prompt().other()) {
                    put(out, new Slot(p.otherId(), Slot.Kind.LINES, text + " — " + msg.t("index.other"), page));
                }
            }
            case RATING -> {
                put(out, new Slot(f, Slot.Kind.RATING, text, page));
                if (p.prompt().space() > 0) {
                    put(out, new Slot(f + "-note", Slot.Kind.LINES, text + " (" + msg.t("index.note") + ")", page));
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
