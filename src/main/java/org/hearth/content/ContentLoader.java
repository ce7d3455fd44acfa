package org.hearth.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hearth.config.ConfigLoader;
import org.hearth.config.PathNames;
import org.hearth.config.PromptReader;
import org.hearth.config.SourceText;
import org.hearth.config.YamlReader;
import org.hearth.config.YamlValue;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.model.Intensity;
import org.hearth.model.Prompt;
import org.hearth.model.Ref;
import org.hearth.model.Resource;

/**
 * Stage 2, load content: reads pages, exercises, the prompt library, the resources data file and
 * media (images) from the content folder. Everything is checked against its schema here, so later
 * stages can trust the records.
 */
public final class ContentLoader {

    /** File types copied as media and allowed as images. */
    public static final Set<String> MEDIA_TYPES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp");

    private static final List<String> PAGE_KEYS = List.of("id", "title", "summary", "part", "order");
    private static final List<String> EXERCISE_KEYS = List.of("id", "title", "summary", "part", "order", "tags",
            "duration", "intensity", "prompts");
    private static final List<String> RESOURCE_KEYS = List.of("region", "name", "contact", "url", "verified");

    private final YamlReader yaml;
    private final PathNames names;
    private final FrontMatterSplitter splitter = new FrontMatterSplitter();
    private final PromptReader promptReader = new PromptReader();

    public ContentLoader(YamlReader yaml, PathNames names) {
        this.yaml = yaml;
        this.names = names;
    }

    /** Loads the whole content folder; every problem found goes to {@code d}. */
    public Content load(Path contentDir, Diagnostics d) {
        List<SourceDocument> docs = new ArrayList<>();
        for (Path file : list(contentDir.resolve("pages"), ".md")) {
            readDocument(contentDir, file, DocumentKind.PAGE, d).ifPresent(docs::add);
        }
        for (Path file : list(contentDir.resolve("exercises"), ".md")) {
            readDocument(contentDir, file, DocumentKind.EXERCISE, d).ifPresent(docs::add);
        }
        Map<String, Position> seenDocs = new HashMap<>();
        for (SourceDocument doc : docs) {
            Position first = seenDocs.putIfAbsent(doc.id(), doc.body().file());
            if (first != null) {
                d.error(Position.ofFile(doc.body().display()), "id '" + doc.id() + "' is already used by " + first.file(),
                        "give every page and exercise its own id");
            }
        }
        Map<String, Prompt> prompts = new LinkedHashMap<>();
        for (Path file : list(contentDir.resolve("prompts"), ".yml")) {
            readText(file, d).flatMap(t -> yaml.read(t, d)).ifPresent(root -> {
                for (YamlValue item : root.list("a prompt file (a list of prompts)")) {
                    item.fields("a prompt").flatMap(promptReader::read).ifPresent(p -> {
                        Prompt first = prompts.putIfAbsent(p.id(), p);
                        if (first != null) {
                            d.error(p.position(), "prompt id '" + p.id() + "' is already used at " + first.position(),
                                    "give every prompt its own id");
                        }
                    });
                }
            });
        }
        List<Resource> resources = new ArrayList<>();
        Path resourcesFile = contentDir.resolve("data").resolve("resources.yml");
        if (Files.isRegularFile(resourcesFile)) {
            readText(resourcesFile, d).flatMap(t -> yaml.read(t, d)).ifPresent(root -> {
                for (YamlValue item : root.list("resources.yml (a list of resources)")) {
                    item.fields("a resource").flatMap(this::resource).ifPresent(resources::add);
                }
            });
        }
        return new Content(docs, prompts, resources, media(contentDir));
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
        String title = f.requireString("title", "A short title").orElse("");
        String summary = f.requireString("summary", "One sentence about it.").orElse("");
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
            duration = f.string("duration").orElse("");
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
        String region = f.requireString("region", "United States").orElse("");
        String name = f.requireString("name", "988 Suicide & Crisis Lifeline").orElse("");
        String contact = f.requireString("contact", "Call or text 988").orElse("");
        Optional<YamlValue> urlValue = f.get("url");
        String url = urlValue.flatMap(v -> v.string("'url'")).orElse("");
        if (!url.isEmpty() && !url.matches("https?://\\S+")) {
            urlValue.get().error("a resource's url must start with http:// or https://", "write the full web address");
        }
        var verified = f.require("verified", "2026-01-31").flatMap(v -> v.date("'verified'")).orElse(null);
        f.finish(RESOURCE_KEYS);
        return Optional.of(new Resource(region, name, contact, url, verified, f.position()));
    }

    private static void checkId(YamlValue v, String id) {
        if (id != null && !ConfigLoader.ID.matcher(id).matches()) {
            v.error("'" + id + "' is not a valid id", "use lower-case letters, digits and hyphens, such as 'write-a-letter'");
        }
    }

    private Optional<SourceText> readText(Path file, Diagnostics d) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            // Decode strictly so a file saved in another encoding is reported, not silently garbled.
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return Optional.of(new SourceText(file, names.display(file), text.replace("\r\n", "\n"), 1));
        } catch (CharacterCodingException e) {
            d.error(Position.ofFile(names.display(file)), "the file is not valid UTF-8", "save it as UTF-8 text");
        } catch (IOException e) {
            d.error(Position.ofFile(names.display(file)), "cannot read the file: " + e.getMessage(), "check that it is readable");
        }
        return Optional.empty();
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, byte[]> media(Path contentDir) {
        Map<String, byte[]> media = new HashMap<>();
        try (Stream<Path> s = Files.walk(contentDir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (MEDIA_TYPES.contains(ext)) {
                    media.put(contentDir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return media;
    }
}
