package org.hearth.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hearth.config.ConfigLoader;
import org.hearth.config.PromptReader;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.model.Intensity;
import org.hearth.model.Prompt;
import org.hearth.model.Ref;
import org.hearth.model.Resource;
import org.hearth.model.Routes;
import org.hearth.source.PathNames;
import org.hearth.source.SourceText;
import org.hearth.source.StrictUtf8;
import org.hearth.source.YamlReader;
import org.hearth.source.YamlValue;

/**
 * Stage 2, load content: reads pages, exercises, the prompt library, the resources data file and
 * media (images) from the content folder. Everything is checked against its schema here, so later
 * stages can trust the records.
 */
public final class ContentLoader {

    /** File types copied as media and allowed as images. */
    public static final Set<String> MEDIA_TYPES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp");

    private static final List<String> PAGE_KEYS = List.of("id", "title", "summary", "part", "order");
    /** The longest id a page or exercise may have, in characters (ids are ASCII, so also bytes). */
    static final int MAX_ID = 100;
    private static final List<String> EXERCISE_KEYS = List.of("id", "title", "summary", "part", "order", "tags",
            "duration", "intensity", "prompts");
    private static final List<String> RESOURCE_KEYS = List.of("region", "name", "name_lang", "contact", "url", "verified");

    private final YamlReader yaml;
    private final PathNames names;
    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final PromptReader promptReader = new PromptReader();
    private final SvgPolicy svg = new SvgPolicy();
    private final Map<Path, Cached<?>> cache;
    private final Memo memo;

    private final StrictUtf8 utf8 = new StrictUtf8();

    public ContentLoader(YamlReader yaml, PathNames names) {
        this(yaml, names, new Memo());
    }

    /** A loader that keeps what it reads in {@code memo}, which outlives it (a build cache's). */
    public ContentLoader(YamlReader yaml, PathNames names, Memo memo) {
        this.yaml = yaml;
        this.names = names;
        this.cache = memo.files;
        this.memo = memo;
    }

    /**
     * What loaders read, by file, with the size and time the file had; and, once a watcher reports
     * every change ({@code serve}), the last walk of the folder, so a rebuild looks again only at
     * the paths that changed instead of at every file (10,000 files took 35–50 ms to walk).
     */
    public static final class Memo {
        private final Map<Path, Cached<?>> files = new ConcurrentHashMap<>();
        // Guarded by this: whether a watcher reports every change, the last walk it vouches for
        // (its folder and files), and the paths changed since.
        private boolean watched;
        private Path walkedDir;
        private Map<Path, Stamp> walked;
        private Set<Path> changed = new HashSet<>();
        // Guarded by this: the prompt files' lists the library was last made of, the library and
        // the problems found making it.
        private List<List<Prompt>> promptLists = List.of();
        private Map<String, Prompt> library;
        private List<Diagnostic> libraryProblems = List.of();
        // Guarded by this: the documents whose ids were last checked and found unique.
        private List<SourceDocument> checkedIds = List.of();

        /**
         * From now on a watcher reports every change under the content folder through
         * {@link #changed}; a walk that starts after this is remembered and later updated path by path.
         */
        public synchronized void watching() {
            watched = true;
        }

        /**
         * Paths a watcher saw change (absolute; files or folders, made, changed or deleted). The
         * content folder itself among them (the watcher lost events) means: walk it all again.
         */
        public synchronized void changed(Set<Path> paths) {
            changed.addAll(paths);
        }

        /** The last walk of {@code dir} with the paths changed since, or null when there is none to trust. */
        private synchronized Walk take(Path dir) {
            Set<Path> since = changed;
            changed = new HashSet<>();
            return watched && walked != null && dir.equals(walkedDir) ? new Walk(walked, since, true) : new Walk(null, since, watched);
        }

        private synchronized void remember(Path dir, Map<Path, Stamp> files) {
            walkedDir = dir;
            walked = files;
        }

        private synchronized void forget() {
            walked = null;
        }

        /**
         * Whether {@code docs} have the ids, in order, of documents last found to have no id twice
         * (each the same document as then, or one with the same id): nothing to check again.
         */
        private synchronized boolean sameIds(List<SourceDocument> docs) {
            if (docs.size() != checkedIds.size()) {
                return false;
            }
            for (int i = 0; i < docs.size(); i++) {
                SourceDocument now = docs.get(i);
                SourceDocument then = checkedIds.get(i);
                if (now != then && !now.id().equals(then.id())) {
                    return false;
                }
            }
            return true;
        }

        /** The documents whose ids were just found each used once (an empty list after a clash). */
        private synchronized void checkedIds(List<SourceDocument> docs) {
            checkedIds = docs;
        }

        /**
         * Forgets the reading of {@code file} (the next load reads it again) and says which page
         * or exercise it was, if it was one.
         */
        public Optional<SourceDocument> forget(Path file) {
            Cached<?> was = files.remove(file);
            return was != null && was.value() instanceof Optional<?> o && o.orElse(null) instanceof SourceDocument doc
                    ? Optional.of(doc) : Optional.empty();
        }

        /**
         * The prompt library made of the prompt files' lists, in file order; last time's map when
         * every list is the one of last time (the files did not change), so later stages may
         * compare the library by identity instead of prompt by prompt.
         */
        private synchronized Map<String, Prompt> library(List<List<Prompt>> lists, Diagnostics d) {
            if (library == null || !sameElements(lists, promptLists)) {
                Diagnostics own = new Diagnostics();
                LinkedHashMap<String, Prompt> prompts = new LinkedHashMap<>();
                for (List<Prompt> list : lists) {
                    for (Prompt p : list) {
                        Prompt first = prompts.putIfAbsent(p.id(), p);
                        if (first != null) {
                            own.error(p.position(), "prompt id '" + p.id() + "' is already used at " + first.position(),
                                    "give every prompt its own id");
                        }
                    }
                }
                promptLists = lists;
                library = java.util.Collections.unmodifiableSequencedMap(prompts);
                libraryProblems = own.list();
            }
            d.addAll(libraryProblems);
            return library;
        }

        private static boolean sameElements(List<?> a, List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) != b.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * What a load starts from: the last walk (or null), the paths changed since, and whether a
     * watcher was reporting changes before this load began (only then may its walk be remembered).
     */
    private record Walk(Map<Path, Stamp> last, Set<Path> changed, boolean watched) {
    }

    /**
     * Loads the whole content folder; every problem found goes to {@code d}. A file unchanged on
     * disk since this loader last read it (same size and modification time) is not read again:
     * {@code serve} reloads a 10,000-file workbook after each edit.
     */
    public Content load(Path contentDir, Diagnostics d) {
        // One walk finds every file with its size and time, so unchanged files cost no further look.
        List<Path> outside = new ArrayList<>();
        boolean[] mayHaveGone = {true};
        Map<Path, Stamp> files = files(contentDir, outside, mayHaveGone);
        for (Path link : outside) {
            // A content folder someone sends could link to any file on this machine, which the
            // build would then publish: only files that really lie inside content/ are read.
            d.error(Position.ofFile(names.display(link)), "this is a link to a file outside the content folder",
                    "copy the file into the content folder instead of linking to it");
        }
        List<Path> pages = list(files, contentDir.resolve("pages"), ".md");
        List<Path> exercises = list(files, contentDir.resolve("exercises"), ".md");
        List<Path> all = new ArrayList<>(pages);
        all.addAll(exercises);
        Set<Path> isPage = Set.copyOf(pages);
        // Files are independent: read and parse them on every core, keeping file order.
        List<SourceDocument> docs = all.parallelStream()
                .map(file -> cached(file, files.get(file), d, own -> readDocument(contentDir, file,
                        isPage.contains(file) ? DocumentKind.PAGE : DocumentKind.EXERCISE, own)))
                .flatMap(Optional::stream)
                .toList();
        if (!memo.sameIds(docs)) {
            Map<String, Position> seenDocs = new HashMap<>();
            boolean clash = false;
            for (SourceDocument doc : docs) {
                Position first = seenDocs.putIfAbsent(doc.id(), doc.body().file());
                if (first != null) {
                    clash = true;
                    d.error(Position.ofFile(doc.body().display()), "id '" + doc.id() + "' is already used by " + first.file(),
                            "give every page and exercise its own id");
                }
            }
            memo.checkedIds(clash ? List.of() : docs);
        }
        List<Path> promptFiles = list(files, contentDir.resolve("prompts"), ".yml");
        List<List<Prompt>> promptLists = promptFiles.parallelStream().map(file -> cached(file, files.get(file), d, own -> {
            List<Prompt> read = new ArrayList<>();
            readText(file, own).flatMap(t -> yaml.read(t, own)).ifPresent(root -> {
                for (YamlValue item : root.list("a prompt file (a list of prompts)")) {
                    item.fields("a prompt").flatMap(promptReader::read).ifPresent(read::add);
                }
            });
            return List.copyOf(read);
        })).toList();
        Map<String, Prompt> prompts = memo.library(promptLists, d);
        List<Resource> resources = List.of();
        Path resourcesFile = contentDir.resolve("data").resolve("resources.yml");
        if (files.containsKey(resourcesFile)) {
            resources = cached(resourcesFile, files.get(resourcesFile), d, own -> {
                List<Resource> read = new ArrayList<>();
                readText(resourcesFile, own).flatMap(t -> yaml.read(t, own)).ifPresent(root -> {
                    for (YamlValue item : root.list("resources.yml (a list of resources)")) {
                        item.fields("a resource").flatMap(this::resource).ifPresent(read::add);
                    }
                });
                return List.copyOf(read);
            });
        }
        Map<String, byte[]> media = media(contentDir, files, d);
        // Forget files that are gone, so a long `serve` session does not hold on to them (looked
        // for only when some may be: a save that removed nothing leaves all 10,000 where they were).
        if (mayHaveGone[0]) {
            cache.keySet().retainAll(files.keySet());
        }
        return new Content(docs, prompts, resources, media);
    }

    /**
     * What reading {@code file} gave last time, if the file has not changed since; otherwise reads
     * it with {@code read}, collecting its problems apart so they can be replayed next time.
     */
    @SuppressWarnings("unchecked")
    private <T> T cached(Path file, Stamp stamp, Diagnostics d, Function<Diagnostics, T> read) {
        Cached<?> hit = cache.get(file);
        if (hit != null && stamp != null && hit.stamp().equals(stamp)) {
            d.addAll(hit.problems());
            return (T) hit.value();
        }
        Diagnostics own = new Diagnostics();
        T value = read.apply(own);
        d.addAll(own.list());
        if (stamp != null) {
            cache.put(file, new Cached<>(stamp, value, own.list()));
        }
        return value;
    }

    /** A file's size and modification time: enough to tell that an editor saved it. */
    private record Stamp(FileTime modified, long size) {
    }

    /**
     * Every regular file under {@code dir} with its stamp: the last walk updated at the paths a
     * watcher saw change when there is one to trust, else a whole walk (remembered for next time
     * when a watcher was already reporting changes and no link was met). {@code mayHaveGone} is
     * left true unless the walk was updated and lost no file.
     */
    private Map<Path, Stamp> files(Path dir, List<Path> outside, boolean[] mayHaveGone) {
        Walk start = memo.take(dir);
        try {
            if (start.last() != null) {
                boolean[] gone = {false};
                Map<Path, Stamp> updated = update(dir, start.last(), start.changed(), gone);
                if (updated != null) {
                    memo.remember(dir, updated);
                    mayHaveGone[0] = gone[0];
                    return updated;
                }
            }
            boolean[] links = {false};
            Map<Path, Stamp> files = walk(dir, outside, links);
            if (start.watched() && !links[0]) {
                memo.remember(dir, files);
            } else {
                memo.forget();
            }
            return files;
        } catch (RuntimeException e) {
            // The changed paths were taken: without a walk to show for them, the next load walks it all.
            memo.forget();
            throw e;
        }
    }

    /**
     * The last walk of {@code dir} with each changed path looked at again (a file restamped, added
     * or dropped; a new folder walked; a deleted one dropped with everything in it), or null when
     * only a whole walk will do: the folder itself changed (lost events), a link was met (a watcher
     * reports a linked file's change under its target's name), or a path could not be read.
     */
    private static Map<Path, Stamp> update(Path dir, Map<Path, Stamp> last, Set<Path> changed, boolean[] gone) {
        TreeMap<Path, Stamp> files = new TreeMap<>(last);
        List<Path> dropped = new ArrayList<>();
        try {
            Path absolute = dir.toAbsolutePath().normalize();
            for (Path path : changed) {
                if (path.equals(absolute) || absolute.startsWith(path)) {
                    return null;
                }
                if (!path.startsWith(absolute)) {
                    continue; // the theme folder, say
                }
                Path name = dir.resolve(absolute.relativize(path));
                drop(files, name, dropped);
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException deleted) {
                    continue;
                }
                if (attrs.isSymbolicLink()) {
                    return null;
                } else if (attrs.isRegularFile()) {
                    files.put(name, new Stamp(attrs.lastModifiedTime(), attrs.size()));
                } else if (attrs.isDirectory()) {
                    List<Path> outside = new ArrayList<>();
                    boolean[] links = {false};
                    walk(name, path.toRealPath(), absolute.toRealPath(), files, outside, new HashSet<>(), links);
                    if (links[0]) {
                        return null;
                    }
                }
            }
        } catch (IOException e) {
            return null;
        }
        gone[0] = dropped.stream().anyMatch(f -> !files.containsKey(f));
        return files;
    }

    /**
     * Drops {@code name} and everything under it. Those paths are among the ones whose text starts
     * with {@code name}'s, which sort together: only they are looked at, not the whole folder
     * (10,000 paths after every save).
     */
    private static void drop(TreeMap<Path, Stamp> files, Path name, List<Path> dropped) {
        String prefix = name.toString();
        var from = files.tailMap(name, true).keySet().iterator();
        while (from.hasNext()) {
            Path f = from.next();
            if (!f.toString().startsWith(prefix)) {
                break;
            }
            if (f.startsWith(name)) {
                from.remove();
                dropped.add(f);
            }
        }
    }

    /**
     * Every regular file under {@code dir} with its stamp, in path order. Links are followed when
     * they stay inside the folder (an author may link a shared exercise in); a link whose target
     * lies outside it goes to {@code outside} instead. A broken link, such as the lock file some
     * editors make beside the file being edited, is not a file; anything else unreadable is kept
     * so that reading it reports the problem.
     */
    private static Map<Path, Stamp> walk(Path dir, List<Path> outside, boolean[] links) {
        Map<Path, Stamp> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try {
            Path real = dir.toRealPath();
            walk(dir, real, real, files, outside, new HashSet<>(), links);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /**
     * Walks the folder {@code real} (shown as {@code shown}) without following links, so a file
     * costs one look at its attributes; only a link is resolved, to see where it leads. (Resolving
     * every file's real path, as following links does, was most of a rebuild of 10,000 files.)
     *
     * @param walking the real folders being walked, so a link back to one of them is not followed
     * @param links set to true when a link is met
     */
    private static void walk(Path shown, Path real, Path root, Map<Path, Stamp> files, List<Path> outside, Set<Path> walking,
            boolean[] links) throws IOException {
        if (!walking.add(real)) {
            return; // a link to a folder that holds it
        }
        Files.walkFileTree(real, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path name = shown.resolve(real.relativize(file));
                if (attrs.isRegularFile()) {
                    files.put(name, new Stamp(attrs.lastModifiedTime(), attrs.size()));
                } else if (attrs.isSymbolicLink()) {
                    links[0] = true;
                    link(name, file, root, files, outside, walking, links);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                files.put(shown.resolve(real.relativize(file)), null); // reading it will report the problem
                return FileVisitResult.CONTINUE;
            }
        });
        walking.remove(real);
    }

    /**
     * A link found in the content folder: a file or folder it leads to inside the folder is taken
     * under the link's name (an author may link a shared exercise in); one outside goes to
     * {@code outside}. A broken link, such as the lock file some editors make beside the file being
     * edited, is not a file.
     */
    private static void link(Path name, Path link, Path root, Map<Path, Stamp> files, List<Path> outside, Set<Path> walking,
            boolean[] links) throws IOException {
        Path target;
        try {
            target = link.toRealPath();
        } catch (IOException broken) {
            return;
        }
        if (!target.startsWith(root)) {
            outside.add(name);
            return;
        }
        BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class);
        if (attrs.isRegularFile()) {
            files.put(name, new Stamp(attrs.lastModifiedTime(), attrs.size()));
        } else if (attrs.isDirectory()) {
            walk(name, target, root, files, outside, walking, links);
        }
    }

    /** A file as read last time, with the problems found then. */
    private record Cached<T>(Stamp stamp, T value, List<Diagnostic> problems) {
    }

    private Optional<SourceDocument> readDocument(Path contentDir, Path file, DocumentKind kind, Diagnostics d) {
        String rel = contentDir.relativize(file).toString().replace('\\', '/');
        return readText(file, d).flatMap(text -> splitter.split(text, d)).flatMap(split ->
                yaml.read(split.yaml(), d).flatMap(v -> v.fields("front matter"))
                        .flatMap(f -> frontMatter(f, kind))
                        .map(meta -> new SourceDocument(kind, meta, split.body(), rel)));
    }

    private Optional<FrontMatter> frontMatter(YamlValue.Fields f, DocumentKind kind) {
        Optional<YamlValue> idValue = f.require("id", "my-exercise");
        String id = idValue.flatMap(v -> v.string("'id'")).orElse(null);
        idValue.ifPresent(v -> checkId(v, id));
        String title = f.requireText("title", "A short title").orElse("");
        String summary = f.requireText("summary", "One sentence about it.").orElse("");
        Optional<YamlValue> partValue = f.require("part", "begin");
        String part = partValue.flatMap(v -> v.string("'part'")).orElse("");
        Position partPos = partValue.map(YamlValue::position).orElse(f.position());
        int order = f.require("order", "10").flatMap(v -> v.integer("'order'")).orElse(0);
        List<String> tags = List.of();
        String duration = "";
        Intensity intensity = null;
        List<Ref> prompts = new ArrayList<>();
        if (kind == DocumentKind.EXERCISE) {
            tags = f.stringList("tags");
            duration = f.text("duration").orElse("");
            intensity = f.require("intensity", "gentle").flatMap(v -> v.oneOf("intensity", Intensity.byLabel())).orElse(Intensity.GENTLE);
            f.get("prompts").ifPresent(v -> {
                for (YamlValue item : v.list("'prompts'")) {
                    item.string("a prompt id").ifPresent(p -> prompts.add(new Ref(p, item.position())));
                }
            });
            f.finish(EXERCISE_KEYS);
        } else {
            f.get("prompts").ifPresent(v -> v.error("a page cannot offer prompts",
                    "move the file to content/exercises/ (and add 'intensity:') to make it an exercise"));
            f.finish(PAGE_KEYS);
        }
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new FrontMatter(id, title, summary, part, partPos, order, tags, duration, intensity, prompts));
    }

    private Optional<Resource> resource(YamlValue.Fields f) {
        String region = f.requireText("region", "United States").orElse("");
        String name = f.requireText("name", "988 Suicide & Crisis Lifeline").orElse("");
        Optional<YamlValue> langValue = f.get("name_lang");
        String nameLang = langValue.flatMap(v -> v.string("'name_lang'")).orElse("");
        if (!nameLang.isEmpty() && !nameLang.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            langValue.get().error("'" + nameLang + "' is not a language tag",
                    "write the tag of the name's language, such as en for an English name in a Spanish list");
            nameLang = "";
        }
        String contact = f.requireText("contact", "Call or text 988").orElse("");
        Optional<YamlValue> urlValue = f.get("url");
        String url = urlValue.flatMap(v -> v.string("'url'")).orElse("");
        if (!url.isEmpty() && !url.matches("https?://\\S+")) {
            urlValue.get().error("a resource's url must start with http:// or https://", "write the full web address");
        }
        var verified = f.require("verified", "2026-01-31").flatMap(v -> v.date("'verified'")).orElse(null);
        f.finish(RESOURCE_KEYS);
        return Optional.of(new Resource(region, name, nameLang, contact, url, verified, f.position()));
    }

    private static void checkId(YamlValue v, String id) {
        if (id != null && !ConfigLoader.ID.matcher(id).matches()) {
            v.error("'" + id + "' is not a valid id", "use lower-case letters, digits and hyphens, such as 'write-a-letter'");
        }
        // The id names the page's file (id.html): past a file system's 255 bytes a build would fail at
        // the write, naming a hidden staging folder instead of this line.
        if (id != null && id.length() > MAX_ID) {
            v.error("id '" + id.substring(0, 20) + "…' is " + id.length() + " characters long; an id names its page's file and may have at most "
                    + MAX_ID, "shorten it to a few words, such as 'write-a-letter'");
        }
        // A page's id is its file name in the site and its anchor in the PDF: it must not be a name
        // Hearth generates itself (one list, shared with the site renderer and serve).
        if (id != null) {
            Routes.reservedBecause(id).ifPresent(why -> v.error("id '" + id + "' is reserved: it is " + why,
                    "choose another id, such as 'my-" + id + "'"));
        }
    }

    private Optional<SourceText> readText(Path file, Diagnostics d) {
        try {
            // Decoded strictly so a file saved in another encoding is reported where it goes wrong, not garbled.
            String text = utf8.decode(Files.readAllBytes(file), names.display(file));
            return Optional.of(new SourceText(file, names.display(file), text.replace("\r\n", "\n"), 1));
        } catch (BuildFailure e) {
            d.addAll(e.diagnostics());
        } catch (IOException e) {
            d.error(Position.ofFile(names.display(file)), "cannot read the file: " + e.getMessage(), "check that it is readable");
        }
        return Optional.empty();
    }

    /** The files directly inside {@code dir} whose names end with {@code suffix}, in name order. */
    private static List<Path> list(Map<Path, Stamp> files, Path dir, String suffix) {
        // Without getParent() and getFileName(), which make new paths: this runs over every file of
        // the folder, three times a rebuild (a path keeps its string and its name offsets).
        int depth = dir.getNameCount() + 1;
        return files.keySet().stream()
                .filter(p -> p.getNameCount() == depth && p.startsWith(dir) && p.toString().endsWith(suffix))
                .toList();
    }

    private Map<String, byte[]> media(Path contentDir, Map<Path, Stamp> files, Diagnostics d) {
        Map<String, byte[]> media = new TreeMap<>();
        files.forEach((p, stamp) -> {
            String path = p.toString();
            if (path.endsWith(".md") || path.endsWith(".yml")) {
                return; // most files, and never media: no name to take apart
            }
            String name = p.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (MEDIA_TYPES.contains(ext)) {
                byte[] bytes = cached(p, stamp, d, own -> {
                    try {
                        byte[] read = Files.readAllBytes(p);
                        if (ext.equals("svg")) {
                            svg.check(names.display(p), read, own);
                        }
                        return read;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                media.put(contentDir.relativize(p).toString().replace('\\', '/'), bytes);
            }
        });
        return media;
    }
}
