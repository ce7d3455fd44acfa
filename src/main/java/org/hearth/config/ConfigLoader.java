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
import org.hearth.model.Imposition;
import org.hearth.model.Imprint;
import org.hearth.model.PageSize;
import org.hearth.model.Part;
import org.hearth.model.PdfStandard;
import org.hearth.model.Person;
import org.hearth.model.Ref;
import org.hearth.model.Slug;
import org.hearth.source.PathNames;
import org.hearth.source.SourceText;
import org.hearth.source.StrictUtf8;
import org.hearth.source.YamlReader;
import org.hearth.source.YamlValue;

/** Stage 1, load config: reads {@code workbook.yml} into a {@link WorkbookConfig}. */
public final class ConfigLoader {

    /** Ids of parts, pages, exercises and prompts: lower-case words joined by hyphens. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final List<String> TOP_KEYS = List.of("title", "subtitle", "author", "language", "page_size",
            "base_url", "person", "edition", "parts", "selection", "plan", "pdf", "id", "imprint",
            "languages", "missing");

    /** Notes pages at the back of the PDF when workbook.yml does not say. */
    public static final int DEFAULT_NOTES_PAGES = 4;
    /** The largest creep allowance: more than a saddle stitch holds (about 50 sheets of office paper). */
    static final double MAX_CREEP_MM = 5;

    private final YamlReader yaml;
    private final PathNames names;
    private final PromptReader promptReader = new PromptReader();

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
            text = new StrictUtf8().decode(Files.readAllBytes(file), names.display(file));
        } catch (IOException e) {
            throw BuildFailure.of(Position.ofFile(names.display(file)), "cannot read the file: " + e.getMessage(),
                    "check that it exists and is readable UTF-8 text");
        }
        SourceText source = new SourceText(file, names.display(file), text, 1);
        return yaml.read(source, diagnostics)
                .flatMap(root -> root.fields("workbook.yml"))
                .map(f -> parse(f, source, diagnostics));
    }

    /**
     * Hosting advice for {@code hearth check}, as warnings in {@code diagnostics}: without
     * {@code base_url} the site has no sitemap and no canonical links, and a base_url that is not
     * https sends a private journal over plain HTTP. Problems in the file itself are left to
     * {@link #load}, which reports them.
     */
    public void checkHosting(Path contentDir, Diagnostics diagnostics) {
        Path file = contentDir.resolve("workbook.yml");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return;
        }
        SourceText source = new SourceText(file, names.display(file), text, 1);
        Diagnostics ignored = new Diagnostics();
        yaml.read(source, ignored).flatMap(root -> root.fields("workbook.yml")).ifPresent(f -> {
            Optional<YamlValue> base = f.get("base_url");
            Optional<String> url = base.flatMap(v -> v.string("'base_url'"));
            if (url.isEmpty()) {
                diagnostics.warn(source.file(), "no base_url, so the site has no sitemap.xml and no canonical links",
                        "add the site's public address, such as base_url: https://example.org/workbook/");
            } else if (!url.get().startsWith("https://")) {
                diagnostics.warn(base.get().position(), "base_url is not https: the site and what people write in it would "
                        + "travel unencrypted, and browsers keep storage and service workers to secure sites",
                        "publish over https and write base_url: " + url.get().replaceFirst("^[A-Za-z]+://", "https://"));
            }
        });
    }

    private WorkbookConfig parse(YamlValue.Fields f, SourceText source, Diagnostics d) {
        String title = f.requireText("title", "My workbook").orElse("");
        String id = workbookId(f, title);
        String subtitle = f.text("subtitle").orElse("");
        String author = f.text("author").orElse("");
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
                .map(this::selection).orElse(Selection.everything());
        Plan plan = f.get("plan").flatMap(v -> v.fields("plan")).map(this::plan).orElse(null);
        PdfStandard[] pdfStandard = {null};
        int[] notesPages = {DEFAULT_NOTES_PAGES};
        Imposition[] imposition = {Imposition.NONE};
        f.get("pdf").flatMap(v -> v.fields("pdf")).ifPresent(pdf -> {
            pdfStandard[0] = pdfStandard(pdf);
            notesPages[0] = notesPages(pdf);
            imposition[0] = new Imposition(pdf.map("fold_marks", v -> v.bool("'fold_marks'")).orElse(false), creepMm(pdf));
            pdf.finish(List.of("standard", "notes_pages", "fold_marks", "creep_mm"));
        });
        Imprint imprint = f.get("imprint").flatMap(v -> v.fields("imprint")).map(this::imprint).orElse(Imprint.NONE);
        f.get("languages"); // both read and checked by i18n.LanguageSettings
        f.get("missing");
        f.finish(TOP_KEYS);
        return new WorkbookConfig(title, subtitle, author, language, pageSize, baseUrl, person, edition, parts, selection,
                plan, source, pdfStandard[0], id, imprint, notesPages[0], imposition[0]);
    }

    /** {@code pdf: standard: ua|a2u|a2b|none}: the standards the PDF is made to meet (issue 15). */
    private PdfStandard pdfStandard(YamlValue.Fields f) {
        return f.map("standard", v -> v.oneOf("PDF standard", PdfStandard.byLabel())).orElse(null);
    }

    /** {@code pdf: notes_pages: N}: how many Notes pages close the PDF, 0 to 20. */
    private static int notesPages(YamlValue.Fields f) {
        int pages = f.map("notes_pages", v -> v.integer("'notes_pages'")).orElse(DEFAULT_NOTES_PAGES);
        if (pages < 0 || pages > 20) {
            f.get("notes_pages").ifPresent(v -> v.error("notes_pages must be from 0 to 20, not " + pages,
                    "write a number such as 4, or leave it out for " + DEFAULT_NOTES_PAGES));
            return DEFAULT_NOTES_PAGES;
        }
        return pages;
    }

    /**
     * {@code pdf: creep_mm: N}: how far the booklet's innermost pages move towards the spine, 0 to
     * 5 mm. It defaults to 0, because a booklet printed at home is folded untrimmed; a trimmed one
     * needs about the paper's thickness per sheet (0.1 mm for 80 g/m² office paper).
     */
    private static double creepMm(YamlValue.Fields f) {
        return f.get("creep_mm").flatMap(v -> v.string("'creep_mm'").flatMap(text -> {
            double mm;
            try {
                mm = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                mm = Double.NaN;
            }
            if (!(mm >= 0 && mm <= MAX_CREEP_MM)) {
                v.error("creep_mm must be a number of millimetres from 0 to " + (int) MAX_CREEP_MM + ", not '" + text + "'",
                        "write about 0.1 per sheet of the booklet, such as 1.5, or leave it out for none");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(mm);
        })).orElse(0.0);
    }

    /** {@code imprint: {edition, date, licence}}: what the imprint page says about this edition. */
    private Imprint imprint(YamlValue.Fields f) {
        Imprint imprint = new Imprint(f.text("edition").orElse(""), f.text("date").orElse(""), f.text("licence").orElse(""));
        f.finish(List.of("edition", "date", "licence"));
        return imprint;
    }

    /**
     * The id that keys the answers a reader saves in the browser. Written by {@code hearth init};
     * a project without one gets its title's slug, so existing sites keep a key that only changes
     * when the title does (the README says to add the line before renaming a book).
     */
    private static String workbookId(YamlValue.Fields f, String title) {
        Optional<YamlValue> value = f.get("id");
        if (value.isEmpty()) {
            return slug(title);
        }
        String id = value.get().string("'id'").orElse("");
        if (!ID.matcher(id).matches() || id.length() > 64) {
            value.get().error("workbook id '" + id + "' is not a valid id",
                    "use up to 64 lower-case letters, digits and hyphens, such as 'coming-home'; keep it once readers have answers");
        }
        return id;
    }

    /** The workbook id a title gives: its slug, at most 64 characters ("Café Notes!" becomes "cafe-notes"). */
    public static String slug(String title) {
        String plain = Slug.of(title, "workbook");
        return plain.length() <= 64 ? plain : plain.substring(0, 64).replaceAll("-+$", "");
    }

    private Person person(YamlValue.Fields f) {
        String name = f.requireText("name", "Sam").orElse("");
        var start = f.map("start_date", v -> v.date("'start_date'")).orElse(null);
        String dedication = f.text("dedication").orElse("");
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
                String title = f.requireText("title", "Before you begin").orElse("");
                String summary = f.text("summary").orElse("");
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
        List<Ref> prompts = refs(f, "prompts");
        Selection.Filter include = f.get("include").flatMap(v -> v.fields("include")).map(i -> filter(i, true))
                .orElse(Selection.Filter.NONE);
        Selection.Filter exclude = f.get("exclude").flatMap(v -> v.fields("exclude")).map(i -> filter(i, false))
                .orElse(Selection.Filter.NONE);
        int limit = f.map("limit_per_exercise", v -> v.integer("'limit_per_exercise'")).orElse(0);
        if (limit < 0) {
            f.get("limit_per_exercise").ifPresent(v -> v.error("limit_per_exercise cannot be negative", "use a number such as 5, or leave it out"));
        }
        Selection.Order order = f.map("order", v -> v.oneOf("order", java.util.Map.of("author", Selection.Order.AUTHOR,
                "given", Selection.Order.GIVEN))).orElse(Selection.Order.AUTHOR);
        List<Selection.Custom> custom = new ArrayList<>();
        java.util.Map<String, Position> customIds = new java.util.HashMap<>();
        f.get("custom").ifPresent(v -> {
            for (YamlValue item : v.list("'custom'")) {
                item.fields("a custom prompt").ifPresent(c -> {
                    Ref exercise = c.get("exercise").flatMap(e -> e.string("'exercise'").map(id -> new Ref(id, e.position()))).orElse(null);
                    promptReader.read(c, "exercise").ifPresent(p -> {
                        // The id names the prompt's answer field and storage: two prompts must not share one.
                        YamlValue idValue = c.get("id").orElse(item);
                        Position first = customIds.putIfAbsent(p.id(), idValue.position());
                        if (first != null) {
                            idValue.error("custom prompt id '" + p.id() + "' is already used at " + first,
                                    "give every custom prompt its own id");
                        } else {
                            custom.add(new Selection.Custom(p, exercise));
                        }
                    });
                });
            }
        });
        f.finish(List.of("prompts", "include", "exclude", "limit_per_exercise", "order", "custom"));
        return new Selection(prompts, include, exclude, limit, order, custom, f.position());
    }

    private static Selection.Filter filter(YamlValue.Fields f, boolean include) {
        List<Ref> ids = refs(f, "ids");
        List<Ref> tags = refs(f, "tags");
        List<org.hearth.model.PromptKind> kinds = new ArrayList<>();
        List<org.hearth.model.Intensity> intensities = new ArrayList<>();
        if (include) {
            f.get("kinds").ifPresent(v -> v.list("'kinds'").forEach(k -> k.oneOf("prompt kind",
                    org.hearth.model.PromptKind.byLabel()).ifPresent(kinds::add)));
            f.get("intensity").ifPresent(v -> v.list("'intensity'").forEach(k -> k.oneOf("intensity",
                    org.hearth.model.Intensity.byLabel()).ifPresent(intensities::add)));
            f.finish(List.of("ids", "tags", "kinds", "intensity"));
        } else {
            f.finish(List.of("ids", "tags"));
        }
        return new Selection.Filter(ids, tags, kinds, intensities);
    }

    private static List<Ref> refs(YamlValue.Fields f, String key) {
        List<Ref> refs = new ArrayList<>();
        f.get(key).ifPresent(v -> {
            for (YamlValue item : v.list("'" + key + "'")) {
                item.string("an id").ifPresent(id -> refs.add(new Ref(id, item.position())));
            }
        });
        return refs;
    }

    private Plan plan(YamlValue.Fields f) {
        int days = f.require("days", "30").flatMap(v -> v.integer("'days'")).orElse(0);
        if (days < 1 || days > 366) {
            f.get("days").ifPresent(v -> v.error("a plan has 1 to 366 days", "for example 'days: 30'"));
        }
        var start = f.map("start", v -> v.date("'start'")).orElse(null);
        f.finish(List.of("days", "start"));
        return new Plan(days, start, f.position());
    }
}
