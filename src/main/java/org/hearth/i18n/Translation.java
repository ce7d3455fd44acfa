package org.hearth.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.hearth.source.PathNames;
import org.hearth.config.Selection;
import org.hearth.source.SourceText;
import org.hearth.source.StrictUtf8;
import org.hearth.config.WorkbookConfig;
import org.hearth.source.YamlReader;
import org.hearth.source.YamlValue;
import org.hearth.content.Content;
import org.hearth.content.DocumentKind;
import org.hearth.content.FrontMatter;
import org.hearth.content.SourceDocument;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.model.Part;
import org.hearth.model.Prompt;
import org.hearth.model.Ref;

/**
 * One language's edition of a multilingual project, from {@code content/<lang>/}: its
 * {@code workbook.yml} holds only the translatable keys, and its pages, exercises, prompts and
 * resources are matched to the default language's by id. Everything else (the selection, page
 * size, id, an exercise's part, order, tags, intensity and prompts) comes from the default language.
 */
public final class Translation {

    /** The only keys of a translation's workbook.yml. */
    static final List<String> KEYS = List.of("title", "subtitle", "author", "imprint", "parts");

    private final YamlReader yaml;
    private final PathNames names;

    public Translation(YamlReader yaml, PathNames names) {
        this.yaml = yaml;
        this.names = names;
    }

    /** The folder of {@code language}'s content: {@code content/<lang>/}. */
    public static Path folder(Path contentDir, String language) {
        return contentDir.resolve(language);
    }

    /**
     * The default config made into {@code language}'s: translated title, subtitle, author and part
     * titles; answers stored under their own key ({@code <id>-<lang>}), so answers written in one
     * language never appear in the other; the site's address gets the language's folder.
     */
    public WorkbookConfig config(WorkbookConfig base, String language, Diagnostics d) {
        Path file = folder(base.source().path().getParent(), language).resolve("workbook.yml");
        String shown = names.display(file);
        if (!Files.isRegularFile(file)) {
            throw BuildFailure.of(Position.ofFile(shown), "the " + LanguageSettings.englishName(language)
                    + " edition has no workbook.yml", "create " + shown + " with its title, subtitle and parts (README, \"Languages\")");
        }
        String text;
        try {
            text = new StrictUtf8().decode(Files.readAllBytes(file), shown);
        } catch (IOException e) {
            throw BuildFailure.of(Position.ofFile(shown), "cannot read the file: " + e.getMessage(), "check that it is readable UTF-8 text");
        }
        SourceText source = new SourceText(file, shown, text, 1);
        Optional<YamlValue.Fields> read = yaml.read(source, d).flatMap(root -> root.fields("workbook.yml"));
        if (read.isEmpty()) {
            return base;
        }
        YamlValue.Fields f = read.get();
        String title = f.requireText("title", base.title()).orElse(base.title());
        String subtitle = f.text("subtitle").orElse(base.subtitle().isEmpty() ? "" : base.subtitle());
        String author = f.text("author").orElse(base.author());
        // The imprint's words (edition, date, licence) in this language; a key left out keeps the default's.
        org.hearth.model.Imprint imprint = f.get("imprint").flatMap(v -> v.fields("imprint")).map(i -> {
            org.hearth.model.Imprint own = new org.hearth.model.Imprint(i.text("edition").orElse(base.imprint().edition()),
                    i.text("date").orElse(base.imprint().date()), i.text("licence").orElse(base.imprint().licence()));
            i.finish(List.of("edition", "date", "licence"));
            return own;
        }).orElse(base.imprint());
        Map<String, Part> translated = new LinkedHashMap<>();
        f.get("parts").ifPresent(list -> {
            for (YamlValue item : list.list("parts")) {
                item.fields("a part").ifPresent(p -> {
                    Optional<YamlValue> idValue = p.require("id", base.parts().isEmpty() ? "begin" : base.parts().get(0).id());
                    String id = idValue.flatMap(v -> v.string("'id'")).orElse("");
                    String partTitle = p.requireText("title", "…").orElse("");
                    String summary = p.text("summary").orElse("");
                    p.finish(List.of("id", "title", "summary"));
                    if (idValue.isPresent() && base.parts().stream().noneMatch(x -> x.id().equals(id))) {
                        idValue.get().error("part '" + id + "' is not a part of the default language's workbook.yml",
                                "use the same part ids as " + base.source().display());
                    } else if (translated.putIfAbsent(id, new Part(id, partTitle, summary)) != null) {
                        idValue.get().error("part '" + id + "' is translated twice", "keep one");
                    }
                });
            }
        });
        f.finish(KEYS);
        List<Part> parts = new ArrayList<>();
        for (Part p : base.parts()) {
            Part t = translated.get(p.id());
            if (t == null) {
                d.warn(source.file(), "part '" + p.id() + "' has no " + LanguageSettings.englishName(language) + " title",
                        "add it under 'parts:' in " + shown + "; until then the default language's title is used");
            }
            parts.add(t != null ? t : p);
        }
        String baseUrl = base.baseUrl().isEmpty() ? "" : base.baseUrl() + language + "/";
        return new WorkbookConfig(title, subtitle, author, language, base.pageSize(), baseUrl, base.person(), base.edition(), parts,
                base.selection(), base.plan(), base.source(), base.pdfStandard(), editionId(base.id(), language), imprint,
                base.notesPages(), base.imposition());
    }

    /**
     * The id a language edition stores its answers under: {@code <id>--<lang>}. Book ids and the
     * person slugs of {@code --people-sites} never hold "--", so no person's site (once
     * {@code <id>-es} for a person called "Es") can share a language edition's answers.
     */
    public static String editionId(String id, String language) {
        return id + "--" + language.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@code language}'s content: each page, exercise and prompt of the default language replaced by
     * its translation (same file name and id), with the default's structure. One without a
     * translation is a warning naming it, then used as it is or left out, as {@code missing} says.
     * The media are the default language's plus the edition's own.
     *
     * @param base the default language's content
     * @param own the content read from {@code content/<lang>/}
     */
    public Translated content(Content base, Content own, String language, Missing missing, Position config, Diagnostics d) {
        String name = LanguageSettings.englishName(language);
        String then = missing == Missing.OMIT ? "it is left out of the " + name + " edition (missing: omit)"
                : "the " + name + " edition uses the default language's text (missing: fallback)";
        Map<String, SourceDocument> theirs = new LinkedHashMap<>();
        own.documents().forEach(doc -> theirs.put(doc.id(), doc));
        Set<String> baseIds = new HashSet<>();
        base.documents().forEach(doc -> baseIds.add(doc.id()));
        for (SourceDocument doc : own.documents()) {
            if (!baseIds.contains(doc.id())) {
                d.error(Position.ofFile(doc.body().display()), "'" + doc.id() + "' is not a page or exercise of the default language",
                        "give it the id of the page it translates (the same file name in content/)");
            }
        }
        Set<String> prompts = new HashSet<>();
        Map<String, Prompt> promptMap = new LinkedHashMap<>();
        for (Prompt p : base.prompts().values()) {
            Prompt t = own.prompts().get(p.id());
            if (t == null) {
                d.warn(p.position(), "prompt '" + p.id() + "' has no " + name + " translation", then);
                if (missing == Missing.FALLBACK) {
                    promptMap.put(p.id(), p);
                }
            } else {
                promptMap.put(p.id(), t);
            }
        }
        prompts.addAll(promptMap.keySet());
        for (Prompt t : own.prompts().values()) {
            if (!base.prompts().containsKey(t.id())) {
                d.error(t.position(), "prompt '" + t.id() + "' is not in the default language's prompt library",
                        "give it the id of the prompt it translates");
            }
        }
        List<SourceDocument> docs = new ArrayList<>();
        for (SourceDocument doc : base.documents()) {
            SourceDocument t = theirs.get(doc.id());
            if (t == null) {
                d.warn(Position.ofFile(doc.body().display()), (doc.kind() == DocumentKind.PAGE ? "page '" : "exercise '") + doc.id()
                        + "' has no " + name + " translation (content/" + language + "/" + doc.relativePath() + ")", then);
                if (missing == Missing.OMIT) {
                    continue;
                }
            }
            FrontMatter m = doc.meta();
            FrontMatter text = t != null ? t.meta() : m;
            List<Ref> offered = m.prompts().stream().filter(r -> prompts.contains(r.id())).toList();
            FrontMatter merged = new FrontMatter(m.id(), text.title(), text.summary(), m.part(), m.partPosition(), m.order(), m.tags(),
                    text.duration(), m.intensity(), missing == Missing.OMIT ? offered : m.prompts());
            docs.add(new SourceDocument(doc.kind(), merged, t != null ? t.body() : doc.body(), doc.relativePath()));
        }
        var resources = own.resources();
        if (resources.isEmpty() && !base.resources().isEmpty()) {
            d.warn(config, "the " + name + " edition has no content/" + language + "/data/resources.yml",
                    "translate the support resources; until then the default language's are shown");
            resources = base.resources();
        }
        Map<String, byte[]> media = new TreeMap<>(base.media());
        media.putAll(own.media());
        return new Translated(new Content(docs, promptMap, resources, media), prompts);
    }

    /** The same config in another language (the default one, when only 'languages:' names it). */
    public static WorkbookConfig inLanguage(WorkbookConfig c, String language) {
        return new WorkbookConfig(c.title(), c.subtitle(), c.author(), language, c.pageSize(), c.baseUrl(), c.person(), c.edition(),
                c.parts(), c.selection(), c.plan(), c.source(), c.pdfStandard(), c.id(), c.imprint(), c.notesPages(), c.imposition());
    }

    /** A selection without the prompts an edition leaves out. */
    public static Selection keepOnly(Selection s, Set<String> prompts) {
        return new Selection(s.prompts().stream().filter(r -> prompts.contains(r.id())).toList(), s.include(), s.exclude(),
                s.limitPerExercise(), s.order(), s.custom(), s.position());
    }

    /**
     * One edition's content.
     *
     * @param content the merged content
     * @param prompts the ids of the prompts it has
     */
    public record Translated(Content content, Set<String> prompts) {
    }
}
