package org.hearth.render.site;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.hearth.model.Entry;
import org.hearth.model.Section;
import org.hearth.model.Workbook;
import org.hearth.render.OutputFile;
import org.hearth.render.Templates;

/**
 * What the site renderer made last time, so a rebuild in the same process ({@code serve}) renders
 * again only the pages whose inputs changed. A page is a function of the templates, its own entry
 * and the workbook's outline (every entry without its body, as site templates see it), so those
 * three decide whether it can be reused; one edited exercise re-renders one page.
 */
public final class SiteMemo {

    private final AtomicReference<Workbook> lastOutline = new AtomicReference<>();
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, IndexPart> index = new ConcurrentHashMap<>();

    /**
     * The workbook as site templates see it: each entry without its rendered body (only its own
     * page shows that) and no media bytes. When it equals last build's, last build's instance is
     * returned so pages compare it by identity rather than field by field.
     */
    Workbook outline(Workbook workbook) {
        List<Section> sections = workbook.sections().stream()
                .map(s -> new Section(s.id(), s.number(), s.title(), s.summary(),
                        s.entries().stream().map(SiteMemo::withoutBody).toList()))
                .toList();
        Workbook outline = new Workbook(workbook.book(), sections, workbook.morePrompts(), workbook.plan(),
                workbook.resources(), Map.of());
        Workbook last = lastOutline.get();
        if (outline.equals(last)) {
            return last;
        }
        lastOutline.set(outline);
        return outline;
    }

    private static Entry withoutBody(Entry e) {
        return new Entry(e.id(), e.kind(), e.title(), e.summary(), e.partId(), e.partTitle(), e.tags(), e.duration(),
                e.intensity(), List.of(), e.prompts(), e.media(), e.prev(), e.next(), e.sourceFile());
    }

    /** The page at {@code path} as rendered last time from the same inputs, or {@code render}'s result. */
    OutputFile page(String path, Templates templates, Workbook outline, Entry entry, Supplier<OutputFile> render) {
        Page last = pages.get(path);
        if (last != null && last.templates() == templates && last.outline() == outline && Objects.equals(last.entry(), entry)) {
            return last.file();
        }
        OutputFile file = render.get();
        pages.put(path, new Page(templates, outline, entry, file));
        return file;
    }

    /** One entry's part of the search index, made again only when the entry changed. */
    IndexPart indexPart(Entry entry, Supplier<IndexPart> make) {
        IndexPart last = index.get(entry.id());
        if (last != null && last.entry().equals(entry)) {
            return last;
        }
        IndexPart part = make.get();
        index.put(entry.id(), part);
        return part;
    }

    /** Forgets pages and index parts that the last build no longer produced. */
    void keepOnly(Set<String> paths, Set<String> entryIds) {
        pages.keySet().retainAll(paths);
        index.keySet().retainAll(entryIds);
    }

    private record Page(Templates templates, Workbook outline, Entry entry, OutputFile file) {
    }

    /**
     * An entry's search-index items and answer-field labels, as script text.
     *
     * @param entry the entry they were made from
     * @param items its lines of {@code HEARTH_INDEX}
     * @param labels its lines of {@code HEARTH_LABELS}
     */
    record IndexPart(Entry entry, byte[] items, byte[] labels) {
    }
}
