package org.hearth.select;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.hearth.config.Selection;
import org.hearth.config.WorkbookConfig;
import org.hearth.content.Content;
import org.hearth.content.DocumentKind;
import org.hearth.content.FrontMatter;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.diag.Suggest;
import org.hearth.markdown.RenderedDocument;
import org.hearth.model.Book;
import org.hearth.model.Entry;
import org.hearth.model.NavLink;
import org.hearth.model.Part;
import org.hearth.model.PlanDay;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.Prompt;
import org.hearth.model.Ref;
import org.hearth.model.Section;
import org.hearth.model.Workbook;

/**
 * Stage 4, select prompts: checks every reference, puts entries in book order and gives each
 * exercise the chosen prompts it offers.
 */
public final class PromptSelector {

    /** Builds the workbook model; unknown parts and prompt ids are reported with suggestions. */
    public Workbook select(WorkbookConfig config, Content content, List<RenderedDocument> docs, Diagnostics d) {
        Map<String, Prompt> library = content.prompts();
        Selection selection = config.selection();
        // Prompts chosen by name, in the order written: `prompts:` then `include: ids:`.
        List<String> byName = new ArrayList<>();
        Map<String, Position> firstChoice = new HashMap<>();
        List<Ref> named = new ArrayList<>(selection.prompts());
        named.addAll(selection.include().ids());
        for (Ref ref : named) {
            if (!library.containsKey(ref.id())) {
                d.error(ref.position(), "unknown prompt id '" + ref.id() + "' in the selection",
                        Suggest.hint(ref.id(), library.keySet(), "see the ids in content/prompts/*.yml, or run 'hearth prompts'"));
            } else if (firstChoice.containsKey(ref.id())) {
                d.warn(ref.position(), "prompt '" + ref.id() + "' is chosen twice (first at " + firstChoice.get(ref.id()) + ")",
                        "remove the second mention");
            } else {
                byName.add(ref.id());
            }
            firstChoice.putIfAbsent(ref.id(), ref.position());
        }
        for (Ref ref : selection.exclude().ids()) {
            if (!library.containsKey(ref.id())) {
                d.error(ref.position(), "unknown prompt id '" + ref.id() + "' in exclude",
                        Suggest.hint(ref.id(), library.keySet(), "see the ids in content/prompts/*.yml, or run 'hearth prompts'"));
            }
        }
        List<Ref> tagRefs = new ArrayList<>(selection.include().tags());
        tagRefs.addAll(selection.exclude().tags());
        // Every tag in use, for checking the tags the selection names (only then: with thousands of
        // prompts, collecting them was a tenth of a rebuild in serve).
        Set<String> tags = new TreeSet<>();
        if (!tagRefs.isEmpty()) {
            library.values().forEach(p -> tags.addAll(p.tags()));
        }
        for (Ref ref : tagRefs) {
            if (!tags.contains(ref.id())) {
                d.error(ref.position(), "no prompt has the tag '" + ref.id() + "'",
                        Suggest.hint(ref.id(), tags, "tags in use: " + String.join(", ", tags)));
            }
        }
        Set<String> excludedIds = new HashSet<>();
        selection.exclude().ids().forEach(r -> excludedIds.add(r.id()));
        Set<String> excludedTags = new HashSet<>();
        selection.exclude().tags().forEach(r -> excludedTags.add(r.id()));
        Set<String> byNameSet = new HashSet<>(byName);
        Predicate<Prompt> chosen = p -> (selection.isEverything() || byNameSet.contains(p.id()) || selection.include().matches(p))
                && !excludedIds.contains(p.id()) && (excludedTags.isEmpty() || p.tags().stream().noneMatch(excludedTags::contains));

        Map<String, Part> parts = new LinkedHashMap<>();
        config.parts().forEach(p -> parts.put(p.id(), p));
        Map<String, List<Entry>> byPart = new LinkedHashMap<>();
        parts.keySet().forEach(id -> byPart.put(id, new ArrayList<>()));
        Set<String> offered = new HashSet<>();
        int total = 0;

        List<RenderedDocument> ordered = new ArrayList<>(docs);
        List<String> partOrder = new ArrayList<>(parts.keySet());
        ordered.sort(Comparator.<RenderedDocument>comparingInt(r -> partOrder.indexOf(r.source().meta().part()))
                .thenComparingInt(r -> r.source().meta().order())
                .thenComparing(r -> r.source().id()));
        for (RenderedDocument doc : ordered) {
            FrontMatter meta = doc.source().meta();
            Part part = parts.get(meta.part());
            if (part == null) {
                d.error(meta.partPosition(), "unknown part '" + meta.part() + "'",
                        Suggest.hint(meta.part(), parts.keySet(), "add it under 'parts:' in workbook.yml or use one of: " + String.join(", ", parts.keySet())));
                continue;
            }
            List<Prompt> here = new ArrayList<>();
            Set<String> seenHere = new HashSet<>();
            for (Ref ref : meta.prompts()) {
                if (!library.containsKey(ref.id())) {
                    d.error(ref.position(), "unknown prompt id '" + ref.id() + "'",
                            Suggest.hint(ref.id(), library.keySet(), "see the ids in content/prompts/*.yml"));
                    continue;
                }
                if (!seenHere.add(ref.id())) {
                    d.warn(ref.position(), "prompt '" + ref.id() + "' is offered twice by this exercise", "remove the second mention");
                    continue;
                }
                offered.add(ref.id());
                if (chosen.test(library.get(ref.id()))) {
                    here.add(library.get(ref.id()));
                }
            }
            if (selection.order() == Selection.Order.GIVEN) {
                // Named prompts first, as written; the rest keep the author's order (the sort is stable).
                here.sort(Comparator.comparingInt(p -> byNameSet.contains(p.id()) ? byName.indexOf(p.id()) : Integer.MAX_VALUE));
            }
            if (selection.limitPerExercise() > 0 && here.size() > selection.limitPerExercise()) {
                here = new ArrayList<>(here.subList(0, selection.limitPerExercise()));
            }
            for (Selection.Custom c : selection.custom()) {
                if (c.exercise() != null && c.exercise().id().equals(meta.id())) {
                    here.add(c.prompt());
                }
            }
            if (doc.source().kind() == DocumentKind.EXERCISE) {
                checkIntensity(meta, here, d);
            }
            List<PlacedPrompt> placed = new ArrayList<>();
            for (Prompt p : here) {
                placed.add(new PlacedPrompt(meta.id() + "--" + p.id(), placed.size() + 1, p));
            }
            total += placed.size();
            byPart.get(part.id()).add(new Entry(meta.id(), doc.source().kind().label(), meta.title(), meta.summary(),
                    part.id(), part.title(), meta.tags(), meta.duration(),
                    doc.source().kind() == DocumentKind.EXERCISE ? meta.intensity().label() : "",
                    doc.blocks(), placed, doc.media(), null, null, doc.source().body().display()));
        }

        // "My prompts": prompts chosen by name that no exercise offers, then the user's own.
        List<Prompt> mine = new ArrayList<>();
        for (String id : byName) {
            if (!offered.contains(id) && chosen.test(library.get(id))) {
                mine.add(library.get(id));
            }
        }
        Set<String> exerciseIds = new TreeSet<>();
        if (!selection.custom().isEmpty()) {
            docs.stream().filter(r -> r.source().kind() == DocumentKind.EXERCISE).forEach(r -> exerciseIds.add(r.source().id()));
        }
        for (Selection.Custom c : selection.custom()) {
            if (library.containsKey(c.prompt().id())) {
                d.error(c.prompt().position(), "custom prompt id '" + c.prompt().id() + "' is already a prompt in the library",
                        "give your own prompt a new id, such as 'my-" + c.prompt().id() + "'");
            }
            if (c.exercise() == null) {
                mine.add(c.prompt());
            } else if (!exerciseIds.contains(c.exercise().id())) {
                d.error(c.exercise().position(), "unknown exercise '" + c.exercise().id() + "'",
                        Suggest.hint(c.exercise().id(), exerciseIds, "leave 'exercise' out to put the prompt under My prompts"));
            }
        }
        List<PlacedPrompt> more = new ArrayList<>();
        for (Prompt p : mine) {
            more.add(new PlacedPrompt("mine--" + p.id(), more.size() + 1, p));
        }
        if (total + more.size() == 0 && !selection.isEverything()) {
            d.error(selection.position(), "the selection matches no prompt",
                    "check the ids, tags, kinds and intensities under 'selection:', or run 'hearth prompts' to see the library");
        }

        List<Entry> flat = byPart.values().stream().flatMap(List::stream).toList();
        Map<String, Entry> withNav = new HashMap<>();
        for (int i = 0; i < flat.size(); i++) {
            NavLink prev = i > 0 ? new NavLink(flat.get(i - 1).id(), flat.get(i - 1).title()) : null;
            NavLink next = i + 1 < flat.size() ? new NavLink(flat.get(i + 1).id(), flat.get(i + 1).title()) : null;
            withNav.put(flat.get(i).id(), flat.get(i).withNav(prev, next));
        }
        checkAnchors(docs, d);
        List<Section> sections = new ArrayList<>();
        int number = 1;
        for (Part part : config.parts()) {
            List<Entry> entries = byPart.get(part.id()).stream().map(e -> withNav.get(e.id())).toList();
            sections.add(new Section(part.id(), number++, part.title(), part.summary(), entries));
        }
        Map<String, byte[]> media = new LinkedHashMap<>();
        for (Entry e : flat) {
            e.media().forEach(m -> media.put(m, content.media().get(m)));
        }
        List<PlanDay> plan = List.of();
        if (config.plan() != null) {
            LocalDate start = config.person() == null ? null : config.person().startDate();
            plan = new PlanMaker().make(config.plan(), start, flat.stream().map(e -> withNav.get(e.id())).toList(), more,
                    config.language());
            if (plan.isEmpty()) {
                d.error(config.plan().position(), "the plan has no prompts to draw from", "choose some prompts under 'selection:'");
            }
        }
        return new Workbook(book(config), sections, more, plan, content.resources(), media);
    }

    /**
     * An exercise's label must not promise less than its deepest selected prompt: a reader choosing
     * by the label would otherwise meet a deep prompt unwarned. Reported where the prompt is offered.
     */
    private static void checkIntensity(FrontMatter meta, List<Prompt> here, Diagnostics d) {
        Prompt deepest = null;
        for (Prompt p : here) {
            if (deepest == null || p.intensity().compareTo(deepest.intensity()) > 0) {
                deepest = p;
            }
        }
        if (deepest == null || meta.intensity() == null || deepest.intensity().compareTo(meta.intensity()) <= 0) {
            return;
        }
        String id = deepest.id();
        Position at = meta.prompts().stream().filter(r -> r.id().equals(id)).map(Ref::position).findFirst()
                .orElse(deepest.position());
        d.warn(at, "exercise '" + meta.id() + "' is marked " + meta.intensity().label() + " but its selected prompt '" + id
                + "' is " + deepest.intensity().label(),
                "set 'intensity: " + deepest.intensity().label() + "' in its front matter, or leave the prompt out of the selection");
    }

    /** Every link to an anchor must name a heading that exists in its target document. */
    private static void checkAnchors(List<RenderedDocument> docs, Diagnostics d) {
        Map<String, List<String>> anchors = new HashMap<>();
        docs.forEach(r -> anchors.put(r.source().id(), r.anchors()));
        for (RenderedDocument r : docs) {
            for (RenderedDocument.FragmentLink link : r.fragmentLinks()) {
                List<String> there = anchors.getOrDefault(link.documentId(), List.of());
                if (!there.contains(link.anchor())) {
                    List<String> names = there.stream().map(a -> a.substring(link.documentId().length() + 2)).toList();
                    d.error(link.position(), "link '" + link.written() + "' points to a heading that does not exist",
                            Suggest.hint(link.anchor().substring(link.documentId().length() + 2), names,
                                    names.isEmpty() ? "that page has no headings to link to" : "headings there: " + String.join(", ", names)));
                }
            }
        }
    }

    private static Book book(WorkbookConfig c) {
        var p = c.person();
        return new Book(c.title(), c.subtitle(), c.author(), c.language(), c.pageSize(), c.baseUrl(), c.edition(),
                p == null ? "" : p.name(),
                p == null || p.startDate() == null ? "" : p.startDate().format(DateTimeFormatter.ISO_LOCAL_DATE),
                p == null ? "" : p.dedication(), c.pdfStandard(), c.id(), c.imprint(), c.notesPages(), c.imposition());
    }
}
