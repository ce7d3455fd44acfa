package org.hearth.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.model.Edition;
import org.hearth.model.PageSize;
import org.hearth.model.Part;
import org.hearth.model.Person;
import org.hearth.model.Ref;

/** Stage 1, load config: reads {@code workbook.yml} into a {@link WorkbookConfig}. */
public final class ConfigLoader {

    /** Ids of parts, pages, exercises and prompts: lower-case words joined by hyphens. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final List<String> TOP_KEYS = List.of("title", "subtitle", "author", "language", "page_size",
            "base_url", "person", "edition", "parts", "selection");

    private final YamlReader yaml;
    private final PathNames names;

    public ConfigLoader(YamlReader yaml, PathNames names) {
        this.yaml = yaml;
        this.names = names;
    }

    /** Reads and checks {@code contentDir/workbook.yml}; problems go to {@code diagnostics}. */
    public Optional<WorkbookConfig> load(Path contentDir, Diagnostics diagnostics) {
        Path file = contentDir.resolve("workbook.yml");
        if (!Files.isRegularFile(file)) {
            throw BuildFailure.of(Position.ofFile(names.display(file)), "no workbook.yml in the content folder",
                    "run Hearth from the project folder, pass --content DIR, or create " + names.display(file));
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BuildFailure.of(Position.ofFile(names.display(file)), "cannot read the file: " + e.getMessage(),
                    "check that it exists and is readable UTF-8 text");
        }
        SourceText source = new SourceText(file, names.display(file), text, 1);
        return yaml.read(source, diagnostics)
                .flatMap(root -> root.fields("workbook.yml"))
                .map(f -> parse(f, source, diagnostics));
    }

    private WorkbookConfig parse(YamlValue.Fields f, SourceText source, Diagnostics d) {
        String title = f.requireString("title", "My workbook").orElse("");
        String subtitle = f.string("subtitle").orElse("");
        String author = f.string("author").orElse("");
        String language = f.string("language").orElse("en");
        if (!language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
            d.error(f.get("language").get().position(), "'" + language + "' is not a language tag", "write a tag such as en, en-GB or de");
        }
        PageSize pageSize = f.map("page_size", v -> v.oneOf("page size", PageSize.byLabel())).orElse(PageSize.A4);
        String baseUrl = f.string("base_url").map(u -> u.endsWith("/") ? u : u + "/").orElse("");
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://[^\\s]+")) {
            d.error(f.get("base_url").get().position(), "base_url must be an http or https address", "for example https://example.org/workbook/");
        }
        Person person = f.get("person").flatMap(v -> v.fields("person")).map(this::person).orElse(null);
        Edition edition = f.map("edition", v -> v.oneOf("edition", Edition.byLabel())).orElse(Edition.CLIENT);
        List<Part> parts = f.require("parts", "[{id: begin, title: Before you begin}]")
                .map(v -> parts(v, d)).orElse(List.of());
        Selection selection = f.get("selection").flatMap(v -> v.fields("selection"))
                .map(this::selection).orElse(new Selection(List.of()));
        f.finish(TOP_KEYS);
        return new WorkbookConfig(title, subtitle, author, language, pageSize, baseUrl, person, edition, parts, selection, source);
    }

    private Person person(YamlValue.Fields f) {
        String name = f.requireString("name", "Sam").orElse("");
        var start = f.map("start_date", v -> v.date("'start_date'")).orElse(null);
        String dedication = f.string("dedication").orElse("");
        f.finish(List.of("name", "start_date", "dedication"));
        return new Person(name, start, dedication);
    }

    private List<Part> parts(YamlValue list, Diagnostics d) {
        List<Part> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (YamlValue item : list.list("parts")) {
            item.fields("a part").ifPresent(f -> {
                Optional<YamlValue> idValue = f.require("id", "begin");
                String id = idValue.flatMap(v -> v.string("'id'")).orElse("");
                String title = f.requireString("title", "Before you begin").orElse("");
                String summary = f.string("summary").orElse("");
                f.finish(List.of("id", "title", "summary"));
                if (idValue.isPresent() && !ID.matcher(id).matches()) {
                    idValue.get().error("part id '" + id + "' is not a valid id", "use lower-case letters, digits and hyphens, such as 'before-you-begin'");
                } else if (idValue.isPresent() && !seen.add(id)) {
                    idValue.get().error("part id '" + id + "' is used twice", "give each part its own id");
                }
                parts.add(new Part(id, title, summary));
            });
        }
        if (parts.isEmpty()) {
            d.error(list.position(), "the workbook has no parts", "list at least one part under 'parts:'");
        }
        return parts;
    }

    private Selection selection(YamlValue.Fields f) {
        List<Ref> prompts = new ArrayList<>();
        f.get("prompts").ifPresent(v -> {
            for (YamlValue item : v.list("'prompts'")) {
                item.string("a prompt id").ifPresent(id -> prompts.add(new Ref(id, item.position())));
            }
        });
        f.finish(List.of("prompts"));
        return new Selection(prompts);
    }
}
