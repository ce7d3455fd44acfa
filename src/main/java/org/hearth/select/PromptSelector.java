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
import org.hearth.diag.Diagnostic;
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
        return select(config, content, docs, d, new Memo());
    }

    /**
     * As above, reusing what {@code memo} remembers of the last selection: only documents that
     * changed since are chosen for again. The workbook is the one a fresh memo gives.
     */
    public Workbook select(WorkbookConfig config, Content content, List<RenderedDocument> docs, Diagnostics d, Memo memo) {
        synchronized (memo) {
            return selectWith(config, content, docs, d, memo);
        }
    }

    private Workbook selectWith(WorkbookConfig config, Content content, List<RenderedDocument> docs, Diagnostics d, Memo memo) {
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
        List<String> partOrder = new ArrayList<>(parts.keySet());
        // A document's choice depends on it, the library and the config alone: when those two are
        // the ones of last time, a document that is the same object as last time at the same place
        // (serve's rebuilds keep unchanged documents) is not chosen for again.
        boolean reusable = config.equals(memo.config) && library == memo.library && docs.size() == memo.docs.size();
        Chosen[] chosenFor = new Chosen[docs.size()];
        boolean sameOrder = reusable;
        for (int i = 0; i < docs.size(); i++) {
            RenderedDocument doc = docs.get(i);
            if (reusable && doc == memo.docs.get(i)) {
                chosenFor[i] = memo.chosen[i];
                continue;
            }
            chosenFor[i] = choose(doc, parts, library, chosen, selection, byName, byNameSet);
            sameOrder = sameOrder && sameKey(doc, memo.docs.get(i));
        }
        int[] order = sameOrder ? memo.order : bookOrder(docs, partOrder);

        Set<String> offered = new HashSet<>();
        int total = 0;
        List<Entry> flat = new ArrayList<>(docs.size());
        for (int i : order) {
            Chosen c = chosenFor[i];
            d.addAll(c.problems());
            offered.addAll(c.offered());
            if (c.entry() != null) {
                total += c.entry().prompts().size();
                flat.add(c.entry());
            }
        }
        List<Entry> linked = linked(flat, memo);
        memo.remember(config, library, docs, chosenFor, order, flat, linked);
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

        checkAnchors(docs, d);
        Map<String, List<Entry>> byPart = new LinkedHashMap<>();
        parts.keySet().forEach(id -> byPart.put(id, new ArrayList<>()));
        linked.forEach(e -> byPart.get(e.partId()).add(e));
        List<Section> sections = new ArrayList<>();
        int number = 1;
        for (Part part : config.parts()) {
            sections.add(new Section(part.id(), number++, part.title(), part.summary(), byPart.get(part.id())));
        }
        Map<String, byte[]> media = new LinkedHashMap<>();
        for (Entry e : flat) {
            e.media().forEach(m -> media.put(m, content.media().get(m)));
        }
        List<PlanDay> plan = List.of();
        if (config.plan() != null) {
            LocalDate start = config.person() == null ? null : config.person().startDate();
            plan = new PlanMaker().make(config.plan(), start, linked, more,
                    config.language());
            if (plan.isEmpty()) {
                d.error(config.plan().position(), "the plan has no prompts to draw from", "choose some prompts under 'selection:'");
            }
        }
        return new Workbook(book(config), sections, more, plan, content.resources(), media);
    }

    /**
     * One document's part of the book: its entry (without navigation; null when its part is
     * unknown), the problems found choosing for it, and the prompts it offers that the selection
     * names (for "My prompts").
     */
    private record Chosen(Entry entry, List<Diagnostic> problems, List<String> offered) {
    }

    /** The prompts {@code doc} offers that the selection chooses, with what is wrong in its references. */
    private static Chosen choose(RenderedDocument doc, Map<String, Part> parts, Map<String, Prompt> library,
            Predicate<Prompt> chosen, Selection selection, List<String> byName, Set<String> byNameSet) {
        Diagnostics d = new Diagnostics();
        FrontMatter meta = doc.source().meta();
        Part part = parts.get(meta.part());
        if (part == null) {
            d.error(meta.partPosition(), "unknown part '" + meta.part() + "'",
                    Suggest.hint(meta.part(), parts.keySet(), "add it under 'parts:' in workbook.yml or use one of: " + String.join(", ", parts.keySet())));
            return new Chosen(null, d.list(), List.of());
        }
        List<Prompt> here = new ArrayList<>();
        List<String> offered = new ArrayList<>();
        Set<String> seenHere = new HashSet<>();
        for (Ref ref : meta.prompts()) {
            Prompt prompt = library.get(ref.id());
            if (prompt == null) {
                d.error(ref.position(), "unknown prompt id '" + ref.id() + "'",
                        Suggest.hint(ref.id(), library.keySet(), "see the ids in content/prompts/*.yml"));
                continue;
            }
            if (!seenHere.add(ref.id())) {
                d.warn(ref.position(), "prompt '" + ref.id() + "' is offered twice by this exercise", "remove the second mention");
                continue;
            }
            if (byNameSet.contains(ref.id())) {
                offered.add(ref.id());
            }
            if (chosen.test(prompt)) {
                here.add(prompt);
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
        Entry entry = new Entry(meta.id(), doc.source().kind().label(), meta.title(), meta.summary(),
                part.id(), part.title(), meta.tags(), meta.duration(),
                doc.source().kind() == DocumentKind.EXERCISE ? meta.intensity().label() : "",
                doc.blocks(), placed, doc.media(), null, null, doc.source().body().display());
        return new Chosen(entry, d.list(), List.copyOf(offered));
    }

    /** Whether two documents sort alike: the same part, order and id. */
    private static boolean sameKey(RenderedDocument a, RenderedDocument b) {
        FrontMatter x = a.source().meta();
        FrontMatter y = b.source().meta();
        return x.part().equals(y.part()) && x.order() == y.order() && a.source().id().equals(b.source().id());
    }

    /** The indexes of {@code docs} in book order: by part, then the order each gives, then id. */
    private static int[] bookOrder(List<RenderedDocument> docs, List<String> partOrder) {
        Map<String, Integer> partIndex = new HashMap<>();
        for (int i = 0; i < partOrder.size(); i++) {
            partIndex.put(partOrder.get(i), i);
        }
        Integer[] order = new Integer[docs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(i -> partIndex.getOrDefault(docs.get(i).source().meta().part(), -1))
                .thenComparingInt(i -> docs.get(i).source().meta().order())
                .thenComparing(i -> docs.get(i).source().id()));
        return java.util.Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The entries with their previous and next links; an entry unchanged since last time whose
     * neighbours have the same ids and titles keeps last time's linked copy.
     */
    private static List<Entry> linked(List<Entry> flat, Memo memo) {
        List<Entry> before = memo.flat;
        boolean aligned = before.size() == flat.size();
        List<Entry> linked = new ArrayList<>(flat.size());
        for (int i = 0; i < flat.size(); i++) {
            if (aligned && flat.get(i) == before.get(i) && sameLink(flat, before, i - 1) && sameLink(flat, before, i + 1)) {
                linked.add(memo.linked.get(i));
                continue;
            }
            NavLink prev = i > 0 ? new NavLink(flat.get(i - 1).id(), flat.get(i - 1).title()) : null;
            NavLink next = i + 1 < flat.size() ? new NavLink(flat.get(i + 1).id(), flat.get(i + 1).title()) : null;
            linked.add(flat.get(i).withNav(prev, next));
        }
        return linked;
    }

    /** Whether a link to the entry at {@code i} (if there is one) reads as last time: same id, same title. */
    private static boolean sameLink(List<Entry> flat, List<Entry> before, int i) {
        if (i < 0 || i >= flat.size()) {
            return true;
        }
        Entry now = flat.get(i);
        Entry then = before.get(i);
        return now == then || now.id().equals(then.id()) && now.title().equals(then.title());
    }

    /**
     * What the last selection made, so a rebuild in the same process ({@code serve}) chooses again
     * only for the documents that changed: 10,000 documents' prompt references looked up in a
     * library of 40,000 prompts were a third of a rebuild.
     */
    public static final class Memo {
        private WorkbookConfig config;
        private Map<String, Prompt> library;
        private List<RenderedDocument> docs = List.of();
        private Chosen[] chosen = new Chosen[0];
        private int[] order = new int[0];
        private List<Entry> flat = List.of();
        private List<Entry> linked = List.of();

        private void remember(WorkbookConfig config, Map<String, Prompt> library, List<RenderedDocument> docs, Chosen[] chosen,
                int[] order, List<Entry> flat, List<Entry> linked) {
            this.config = config;
            this.library = library;
            this.docs = docs;
            this.chosen = chosen;
            this.order = order;
            this.flat = flat;
            this.linked = linked;
        }
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
        Map<String, List<String>> anchors = null; // made at the first link to an anchor: most books have none
        for (RenderedDocument r : docs) {
            if (r.fragmentLinks().isEmpty()) {
                continue;
            }
            if (anchors == null) {
                anchors = new HashMap<>();
                for (RenderedDocument other : docs) {
                    anchors.put(other.source().id(), other.anchors());
                }
            }
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
