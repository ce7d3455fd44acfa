package org.hearth.render.site;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
    private final AtomicReference<Map<Entry, Entry>> bodiless = new AtomicReference<>(Map.of());
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, IndexPart> index = new ConcurrentHashMap<>();
    private final Map<String, Hashed> hashes = new ConcurrentHashMap<>();
    private final Map<String, Digested> digests = new ConcurrentHashMap<>();
    // The outline whose pages and entries the memo was last pruned to.
    private final AtomicReference<Workbook> pruned = new AtomicReference<>();
    private final AtomicReference<OfflineFiles.Listing> listing = new AtomicReference<>();
    private final AtomicReference<SafetyLink> safety = new AtomicReference<>();
    private final AtomicReference<org.hearth.i18n.LanguageSet> languageSet = new AtomicReference<>();
    // The paths in digests that are assets (whose names change with their contents).
    private final Set<String> assetDigests = ConcurrentHashMap.newKeySet();
    private final AtomicReference<List<IndexPart>> lastParts = new AtomicReference<>(List.of());
    private final AtomicReference<EntryPages> entryPages = new AtomicReference<>(new EntryPages(List.of(), new Page[0]));
    private final Map<Map<String, String>, UsedAssets> usedAssets = new ConcurrentHashMap<>();

    /**
     * The workbook as site templates see it: each entry without its rendered body (only its own
     * page shows that) and no media bytes. When it equals last build's, last build's instance is
     * returned so pages compare it by identity rather than field by field.
     */
    Workbook outline(Workbook workbook) {
        // An entry that is the one of last time keeps its outline copy, so comparing the outline
        // with last time's compares most entries by identity.
        Map<Entry, Entry> before = bodiless.get();
        Map<Entry, Entry> now = new java.util.IdentityHashMap<>();
        List<Section> sections = workbook.sections().stream()
                .map(s -> new Section(s.id(), s.number(), s.title(), s.summary(), s.entries().stream().map(e -> {
                    Entry outlined = before.get(e);
                    if (outlined == null) {
                        outlined = withoutBody(e);
                    }
                    now.put(e, outlined);
                    return outlined;
                }).toList()))
                .toList();
        bodiless.set(now);
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
        return e.withBlocks(List.of());
    }

    /**
     * The page at {@code path} as rendered last time from the same inputs, or {@code render}'s
     * result. The assets a page asked for are inputs too: it is rendered again when one of them
     * got a new name (a changed stylesheet renames it in every page; a changed search index only
     * in the pages that load it).
     */
    OutputFile page(String path, Templates templates, Workbook outline, Entry entry, AssetManifest assets,
            Function<PageAssets, OutputFile> render) {
        Page last = pages.get(path);
        if (last != null && last.fits(templates, outline, entry, assets)) {
            return last.file();
        }
        return made(path, templates, outline, entry, assets, render);
    }

    /**
     * Every entry's page, in book order: an entry that is the very one of last time at the same
     * place reuses its page without a look-up by path (10,000 look-ups after every save were a
     * tenth of a rebuild); others go by {@link #page}. Pages render on every core.
     *
     * @param render renders the page of an entry, as {@link #page} is told to
     * @return each page, or the {@link org.hearth.diag.BuildFailure} its rendering threw
     */
    List<Object> entryPages(List<Entry> entries, Templates templates, Workbook outline, AssetManifest assets,
            Function<Entry, OutputFile> render) {
        EntryPages last = entryPages.get();
        boolean aligned = last.entries().size() == entries.size();
        Page[] now = new Page[entries.size()];
        List<Object> out = java.util.stream.IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
            Entry entry = entries.get(i);
            Page before = aligned && last.entries().get(i) == entry ? last.pages()[i] : null;
            if (before != null && before.fits(templates, outline, entry, assets)) {
                now[i] = before;
                return (Object) before.file();
            }
            try {
                OutputFile file = render.apply(entry);
                now[i] = pages.get(file.path());
                return (Object) file;
            } catch (org.hearth.diag.BuildFailure f) {
                return f;
            }
        }).toList();
        entryPages.set(new EntryPages(entries, now));
        return out;
    }

    private OutputFile made(String path, Templates templates, Workbook outline, Entry entry, AssetManifest assets,
            Function<PageAssets, OutputFile> render) {
        PageAssets used = new PageAssets(assets);
        OutputFile file = render.apply(used);
        pages.put(path, new Page(templates, outline, entry, used(used.used()), file));
        return file;
    }

    /**
     * The one record of these asset URLs: pages that asked for the same assets share it (every
     * entry page asks for the same ones), so a rebuild checks them against the new names once,
     * not once per page.
     */
    private UsedAssets used(Map<String, String> urls) {
        if (usedAssets.size() > 256) {
            usedAssets.clear(); // each edit of the index names new ones; pages keep theirs
        }
        return usedAssets.computeIfAbsent(urls, UsedAssets::new);
    }

    /** Asset URLs a page used, and whether they were last found to be the current ones. */
    private static final class UsedAssets {
        private final Map<String, String> urls;
        private volatile Checked checked;

        UsedAssets(Map<String, String> urls) {
            this.urls = urls;
        }

        boolean current(AssetManifest assets) {
            Checked last = checked;
            if (last != null && last.assets() == assets) {
                return last.same();
            }
            boolean same = sameUrls(urls, assets);
            checked = new Checked(assets, same);
            return same;
        }

        private record Checked(AssetManifest assets, boolean same) {
        }
    }

    /** Last build's entries in book order and each one's page (null where it has none recorded). */
    private record EntryPages(List<Entry> entries, Page[] pages) {
    }

    private static boolean sameUrls(Map<String, String> used, AssetManifest assets) {
        for (Map.Entry<String, String> a : used.entrySet()) {
            if (!a.getValue().equals(assets.url(a.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The content hash of an asset, computed again only for bytes not seen last time (the theme's
     * files are the same arrays from build to build until the theme changes).
     */
    String hash(String name, OutputFile file) {
        Hashed last = hashes.get(name);
        if (last != null && last.file().sameContent(file)) {
            return last.hash();
        }
        byte[] standIn = file.standIn();
        String hash = standIn != null ? AssetManifest.prefix(standIn) : AssetManifest.hash(file.bytes());
        hashes.put(name, new Hashed(file, hash));
        return hash;
    }

    /**
     * The SHA-256 of a site file's bytes for the service worker's version, computed again only for
     * bytes not seen last time: hashing every page of a large site was most of a rebuild's time.
     */
    byte[] digest(OutputFile file) {
        Digested last = digests.get(file.path());
        if (last != null && last.file().sameContent(file)) {
            return last.digest();
        }
        byte[] standIn = file.standIn();
        byte[] digest = standIn != null ? standIn : OfflineFiles.digest(file);
        digests.put(file.path(), new Digested(file, digest));
        if (file.path().startsWith(AssetManifest.DIR)) {
            assetDigests.add(file.path());
        }
        return digest;
    }

    /** The service worker's listing of {@code files}, made from last build's where the paths are nearly the same. */
    OfflineFiles.Listing listing(List<OutputFile> files) {
        OfflineFiles.Listing made = OfflineFiles.Listing.of(files, listing.get());
        listing.set(made);
        return made;
    }

    /**
     * Says which languages the pages link to (with the entries each edition has): when they are
     * not the ones of last build, every remembered page is forgotten, since each page's language
     * switcher may now point elsewhere.
     */
    void languages(org.hearth.i18n.LanguageSet now) {
        org.hearth.i18n.LanguageSet before = languageSet.getAndSet(now);
        if (before != null && !before.equals(now)) {
            pages.clear();
            entryPages.set(new EntryPages(List.of(), new Page[0]));
        }
    }

    /** Where every page's crisis link points ({@link SitePage#safetyHref}), looked for again only in a new outline. */
    String safetyHref(Workbook outline) {
        SafetyLink last = safety.get();
        if (last != null && last.outline() == outline) {
            return last.href();
        }
        String href = SitePage.safetyHref(outline);
        safety.set(new SafetyLink(outline, href));
        return href;
    }

    private record SafetyLink(Workbook outline, String href) {
    }

    /** Forgets the page and search-index part of the entry {@code id}, so the next build makes them again. */
    public void forget(String id) {
        pages.remove(id + ".html");
        index.remove(id);
    }

    /**
     * Every entry's part of the search index, in order, made on every core: an entry that is the
     * very one of last time at the same place keeps its part without a look-up by id.
     */
    List<IndexPart> indexParts(List<Entry> entries, org.hearth.i18n.Catalogue msg, Function<Entry, IndexPart> make) {
        List<IndexPart> last = lastParts.get();
        boolean aligned = last.size() == entries.size();
        List<IndexPart> parts = java.util.stream.IntStream.range(0, entries.size()).parallel().mapToObj(i -> {
            Entry e = entries.get(i);
            IndexPart before = aligned ? last.get(i) : null;
            return before != null && before.entry() == e && before.msg() == msg ? before : indexPart(e, msg, () -> make.apply(e));
        }).toList();
        lastParts.set(parts);
        return parts;
    }

    /** One entry's part of the search index, made again only when the entry changed. */
    IndexPart indexPart(Entry entry, org.hearth.i18n.Catalogue msg, Supplier<IndexPart> make) {
        IndexPart last = index.get(entry.id());
        // The labels come from the interface strings too: another language or an edited catalogue makes them again.
        if (last != null && last.msg() == msg && last.entry().equals(entry)) {
            return last;
        }
        IndexPart part = make.get();
        index.put(entry.id(), part);
        return part;
    }

    /**
     * Forgets pages, index parts and digests that the last build no longer produced. With the
     * outline of last time the pages and entries are the same, so only the assets (whose names
     * change with their contents) are looked at: sets of 10,000 paths made and compared after
     * every edit were a tenth of a rebuild.
     */
    void keepOnly(Workbook outline, List<OutputFile> files, List<Entry> entries, Set<String> assetNames) {
        hashes.keySet().retainAll(assetNames);
        if (outline == pruned.get()) {
            Set<String> assets = new HashSet<>();
            files.forEach(f -> {
                if (f.path().startsWith(AssetManifest.DIR)) {
                    assets.add(f.path());
                }
            });
            // Only assets' digests can have gone stale: they are remembered apart, so this looks at a
            // few dozen paths, not at every page's.
            for (java.util.Iterator<String> it = assetDigests.iterator(); it.hasNext(); ) {
                String path = it.next();
                if (!assets.contains(path)) {
                    digests.remove(path);
                    it.remove();
                }
            }
            return;
        }
        Set<String> paths = new HashSet<>();
        files.forEach(f -> paths.add(f.path()));
        Set<String> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        pages.keySet().retainAll(paths);
        index.keySet().retainAll(ids);
        digests.keySet().retainAll(paths);
        assetDigests.retainAll(paths);
        pruned.set(outline);
    }

    private record Page(Templates templates, Workbook outline, Entry entry, UsedAssets assets, OutputFile file) {

        /** Whether this page is what these inputs render. */
        boolean fits(Templates templates, Workbook outline, Entry entry, AssetManifest assets) {
            return this.templates == templates && this.outline == outline && Objects.equals(this.entry, entry)
                    && this.assets.current(assets);
        }
    }

    /** A file (its contents compared by identity) and their SHA-256. */
    private record Digested(OutputFile file, byte[] digest) {
    }

    /** An asset (its contents compared by identity) and their hash. */
    private record Hashed(OutputFile file, String hash) {
    }

    /**
     * An entry's search-index items and answer-field labels, as script text.
     *
     * @param entry the entry they were made from
     * @param msg the interface strings they were made with
     * @param items its lines of {@code HEARTH_INDEX}
     * @param labels its lines of {@code HEARTH_LABELS}
     * @param itemsDigest the SHA-256 of {@code items}
     * @param labelsDigest the SHA-256 of {@code labels}
     */
    record IndexPart(Entry entry, org.hearth.i18n.Catalogue msg, byte[] items, byte[] labels, byte[] itemsDigest, byte[] labelsDigest) {
    }
}
