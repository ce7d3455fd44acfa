package org.hearth.select;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Set<String> chosen = new LinkedHashSet<>();
        Map<String, Position> firstChoice = new HashMap<>();
        for (Ref ref : config.selection().prompts()) {
            if (!library.containsKey(ref.id())) {
                d.error(ref.position(), "unknown prompt id '" + ref.id() + "' in the selection",
                        Suggest.hint(ref.id(), library.keySet(), "see the ids in content/prompts/*.yml"));
            } else if (!chosen.add(ref.id())) {
                d.warn(ref.position(), "prompt '" + ref.id() + "' is chosen twice (first at " + firstChoice.get(ref.id()) + ")",
                        "remove the second mention");
            }
            firstChoice.putIfAbsent(ref.id(), ref.position());
        }

        Map<String, Part> parts = new LinkedHashMap<>();
        config.parts().forEach(p -> parts.put(p.id(), p));
        Map<String, List<Entry>> byPart = new LinkedHashMap<>();
        parts.keySet().forEach(id -> byPart.put(id, new ArrayList<>()));
        Set<String> offered = new HashSet<>();

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
            List<PlacedPrompt> placed = new ArrayList<>();
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
                if (chosen.contains(ref.id())) {
                    placed.add(new PlacedPrompt(meta.id() + "--" + ref.id(), placed.size() + 1, library.get(ref.id())));
                }
            }
            byPart.get(part.id()).add(new Entry(meta.id(), doc.source().kind().label(), meta.title(), meta.summary(),
                    part.id(), part.title(), meta.tags(), meta.duration(),
                    doc.source().kind() == DocumentKind.EXERCISE ? meta.intensity().label() : "",
                    doc.blocks(), placed, doc.media(), null, null, doc.source().body().display()));
        }

        List<PlacedPrompt> more = new ArrayList<>();
        for (String id : chosen) {
            if (!offered.contains(id)) {
                more.add(new PlacedPrompt("more--" + id, more.size() + 1, library.get(id)));
            }
        }

        List<Entry> flat = byPart.values().stream().flatMap(List::stream).toList();
        Map<String, Entry> withNav = new HashMap<>();
        for (int i = 0; i < flat.size(); i++) {
            NavLink prev = i > 0 ? new NavLink(flat.get(i - 1).id(), flat.get(i - 1).title()) : null;
            NavLink next = i + 1 < flat.size() ? new NavLink(flat.get(i + 1).id(), flat.get(i + 1).title()) : null;
            withNav.put(flat.get(i).id(), flat.get(i).withNav(prev, next));
        }
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
        return new Workbook(book(config), sections, more, content.resources(), media);
    }

    private static Book book(WorkbookConfig c) {
        var p = c.person();
        return new Book(c.title(), c.subtitle(), c.author(), c.language(), c.pageSize(), c.baseUrl(), c.edition(),
                p == null ? "" : p.name(),
                p == null || p.startDate() == null ? "" : p.startDate().format(DateTimeFormatter.ISO_LOCAL_DATE),
                p == null ? "" : p.dedication());
    }
}
