package org.hearth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.content.ContentLoader;
import org.hearth.render.site.SiteMemo;

/**
 * What builds remember for the next one: the files read (by size and time), each document's
 * rendered Markdown (by its text and the link targets), each document's chosen prompts (by the
 * document, the library and the config), the loaded theme (by the folder's stamp) and the site's
 * pages (by their inputs). {@code serve} and batch builds hold one so a rebuild
 * redoes only what changed; a plain build starts from an empty one, and both give the same bytes.
 */
public final class BuildCache {

    final ContentLoader.Memo files = new ContentLoader.Memo();
    // Each language's Markdown apart: its documents link to other targets, and one memo shared by
    // the languages of a bilingual workbook was emptied by each in turn, so every rebuild rendered
    // every document again.
    final Map<String, MarkdownMemo> markdown = new ConcurrentHashMap<>();
    // Each language's last prompt selection, so a rebuild chooses again only for changed documents.
    final Map<String, org.hearth.select.PromptSelector.Memo> selections = new ConcurrentHashMap<>();
    final AtomicReference<Hearth.LoadedTheme> theme = new AtomicReference<>();
    final SiteMemo site = new SiteMemo();
    // A multilingual project's other languages: each content folder is read, and each site
    // remembered, apart from the default language's.
    final Map<String, ContentLoader> languageLoaders = new ConcurrentHashMap<>();
    final Map<String, SiteMemo> languageSites = new ConcurrentHashMap<>();

    /**
     * From now on a watcher reports every change in the content folder through {@link #changed}
     * ({@code serve}): rebuilds may then look only at the changed paths instead of walking the folder.
     */
    public void watching() {
        files.watching();
    }

    /**
     * Forgets what builds made of one content file (absolute): its reading, its Markdown and its
     * site page and search-index part, so the next build makes them again as after a save
     * ({@code serve}'s warm-up). The output is the same.
     */
    public void forget(java.nio.file.Path file) {
        files.forget(file).ifPresent(doc -> {
            markdown.values().forEach(m -> m.documents.remove(doc.relativePath()));
            site.forget(doc.id());
        });
    }

    /** Paths a watcher saw change (absolute); the content folder itself when it lost events. */
    public void changed(java.util.Set<java.nio.file.Path> paths) {
        files.changed(paths);
    }

    /** Each language's remembered Markdown, by language ("" for a single-language build): what a rebuild may reuse. */
    Map<String, java.util.List<Hearth.RenderedMemo>> renderedDocuments() {
        Map<String, java.util.List<Hearth.RenderedMemo>> all = new java.util.TreeMap<>();
        markdown.forEach((language, memo) -> all.put(language, java.util.List.copyOf(memo.documents.values())));
        return all;
    }

    /** Last build's documents, in order, and what each rendered to (same places). */
    record Placed(java.util.List<org.hearth.content.SourceDocument> docs, Hearth.RenderedMemo[] memos) {
    }

    /** One language's rendered Markdown: the link targets it was rendered against, and each document's result by path. */
    static final class MarkdownMemo {
        final AtomicReference<Hearth.LinkTargets> targets = new AtomicReference<>();
        final Map<String, Hearth.RenderedMemo> documents = new ConcurrentHashMap<>();
        private final AtomicReference<Placed> placed = new AtomicReference<>(new Placed(java.util.List.of(), new Hearth.RenderedMemo[0]));

        /** Last build's documents in order with what each rendered to. */
        Placed placed() {
            return placed.get();
        }

        void placed(Placed now) {
            placed.set(now);
        }

        // Guarded by this memo: the documents the link targets were last made from.
        private java.util.List<org.hearth.content.SourceDocument> targetsOf = java.util.List.of();

        /**
         * What links in {@code docs} may point at: last time's instance when the documents have
         * the same paths and ids in the same order and the media are the same (each document then
         * compares it by identity), else a new one, and the Markdown of documents now gone is forgotten.
         */
        synchronized Hearth.LinkTargets targets(java.util.List<org.hearth.content.SourceDocument> docs, java.util.Set<String> media) {
            Hearth.LinkTargets last = targets.get();
            if (last != null && samePaths(docs, targetsOf) && last.media().equals(media)) {
                targetsOf = docs;
                return last;
            }
            Map<String, String> byPath = new java.util.HashMap<>();
            for (org.hearth.content.SourceDocument doc : docs) {
                byPath.put(doc.relativePath(), doc.id());
            }
            Hearth.LinkTargets made = new Hearth.LinkTargets(Map.copyOf(byPath), java.util.Set.copyOf(media));
            targetsOf = docs;
            if (made.equals(last)) {
                return last;
            }
            targets.set(made);
            documents.keySet().retainAll(byPath.keySet());
            return made;
        }

        private static boolean samePaths(java.util.List<org.hearth.content.SourceDocument> a, java.util.List<org.hearth.content.SourceDocument> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                org.hearth.content.SourceDocument x = a.get(i);
                org.hearth.content.SourceDocument y = b.get(i);
                if (x != y && !(x.relativePath().equals(y.relativePath()) && x.id().equals(y.id()))) {
                    return false;
                }
            }
            return true;
        }
        // Guarded by this memo: the documents last put in the edition's language, the catalogue
        // used and the result, so unchanged documents keep their localized copies.
        java.util.List<org.hearth.markdown.RenderedDocument> localizedIn = java.util.List.of();
        java.util.List<org.hearth.markdown.RenderedDocument> localizedOut = java.util.List.of();
        org.hearth.i18n.Catalogue localizedWith;
    }
}
