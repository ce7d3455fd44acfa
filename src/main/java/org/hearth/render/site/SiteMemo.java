package org.hearth.render.site;

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
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, IndexPart> index = new ConcurrentHashMap<>();
    private final Map<String, Hashed> hashes = new ConcurrentHashMap<>();
    private final Map<String, Digested> digests = new ConcurrentHashMap<>();
    private final AtomicReference<Digested> fingerprinted = new AtomicReference<>();

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
        if (last != null && last.templates() == templates && last.outline() == outline && Objects.equals(last.entry(), entry)
                && last.assets().entrySet().stream().allMatch(a -> a.getValue().equals(assets.url(a.getKey())))) {
            return last.file();
        }
        PageAssets used = new PageAssets(assets);
        OutputFile file = render.apply(used);
        pages.put(path, new Page(templates, outline, entry, used.used(), file));
        return file;
    }

    /**
     * The content hash of an asset, computed again only for bytes not seen last time (the theme's
     * files are the same arrays from build to build until the theme changes).
     */
    String hash(String name, byte[] bytes) {
        Hashed last = hashes.get(name);
        if (last != null && last.bytes() == bytes) {
            return last.hash();
        }
        Digested known = fingerprinted.get();
        String hash = known != null && known.bytes() == bytes ? AssetManifest.hash(known) : AssetManifest.hash(bytes);
        hashes.put(name, new Hashed(bytes, hash));
        return hash;
    }

    /**
     * The SHA-256 of a site file's bytes for the service worker's version, computed again only for
     * bytes not seen last time: hashing every page of a large site was most of a rebuild's time.
     */
    byte[] digest(OutputFile file) {
        Digested last = digests.get(file.path());
        if (last != null && last.bytes() == file.bytes()) {
            return last.digest();
        }
        Digested known = fingerprinted.get();
        byte[] digest = known != null && known.bytes() == file.bytes() ? known.digest() : OfflineFiles.digest(file);
        digests.put(file.path(), new Digested(file.bytes(), digest));
        return digest;
    }

    /**
     * Says that {@code bytes} (this very array) stand for {@code fingerprint} wherever a file's
     * SHA-256 is asked for: the search index, tens of megabytes on a large site, whose fingerprint
     * comes from its parts (hashing all of it twice was most of a rebuild after one edit).
     */
    void fingerprint(byte[] bytes, byte[] fingerprint) {
        fingerprinted.set(new Digested(bytes, fingerprint));
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
    void keepOnly(Set<String> paths, Set<String> entryIds, Set<String> assetNames) {
        pages.keySet().retainAll(paths);
        index.keySet().retainAll(entryIds);
        hashes.keySet().retainAll(assetNames);
        digests.keySet().retainAll(paths);
    }

    private record Page(Templates templates, Workbook outline, Entry entry, Map<String, String> assets, OutputFile file) {
    }

    /** A file's bytes (compared by identity) and their SHA-256. */
    record Digested(byte[] bytes, byte[] digest) {
    }

    /** An asset's bytes (compared by identity) and their hash. */
    private record Hashed(byte[] bytes, String hash) {
    }

    /**
     * An entry's search-index items and answer-field labels, as script text.
     *
     * @param entry the entry they were made from
     * @param items its lines of {@code HEARTH_INDEX}
     * @param labels its lines of {@code HEARTH_LABELS}
     * @param itemsDigest the SHA-256 of {@code items}
     * @param labelsDigest the SHA-256 of {@code labels}
     */
    record IndexPart(Entry entry, byte[] items, byte[] labels, byte[] itemsDigest, byte[] labelsDigest) {
    }
}
