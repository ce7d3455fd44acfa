package org.hearth;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.config.ConfigLoader;
import org.hearth.config.PathNames;
import org.hearth.config.Selection;
import org.hearth.config.WorkbookConfig;
import org.hearth.config.YamlReader;
import org.hearth.content.Content;
import org.hearth.content.ContentLoader;
import org.hearth.content.SourceDocument;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.diag.Severity;
import org.hearth.i18n.LanguageSet;
import org.hearth.i18n.LanguageSettings;
import org.hearth.markdown.MarkdownRenderer;
import org.hearth.markdown.RenderedDocument;
import org.hearth.model.Edition;
import org.hearth.model.Person;
import org.hearth.model.Ref;
import org.hearth.model.Routes;
import org.hearth.model.Workbook;
import org.hearth.output.OutputWriter;
import org.hearth.render.OutputFile;
import org.hearth.render.OutputNames;
import org.hearth.render.Templates;
import org.hearth.render.Theme;
import org.hearth.render.pdf.PdfImages;
import org.hearth.render.pdf.PdfRenderer;
import org.hearth.render.site.SiteMemo;
import org.hearth.render.site.SiteRenderer;
import org.hearth.select.PromptSelector;

/**
 * The public entry point: runs the build pipeline, stage by stage, like mdBook's driver.
 * load config → load content → render Markdown → select prompts → render site and PDF → write.
 * Each stage collects every problem it finds; the build fails after the first stage with errors.
 */
public final class Hearth {

    private final YamlReader yaml = new YamlReader();
    private final ConfigLoader configLoader;
    private final ContentLoader contentLoader;
    private final MarkdownRenderer markdown;
    private final PromptSelector selector = new PromptSelector();
    private final OutputWriter writer = new OutputWriter();
    private final java.util.function.Consumer<String> progress;
    private final PathNames names;
    private final AtomicReference<LinkTargets> lastTargets = new AtomicReference<>();
    private final AtomicReference<LoadedTheme> lastTheme = new AtomicReference<>();
    // `serve` and batch builds reuse one Hearth: these keep what the last build made, so only what
    // an edit changed is read, parsed and rendered again.
    private final SiteMemo siteMemo = new SiteMemo();
    private final Map<String, RenderedMemo> rendered = new java.util.concurrent.ConcurrentHashMap<>();
    // Each other language's content folder and site are read and remembered apart from the default's.
    private final Map<String, ContentLoader> languageLoaders = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, SiteMemo> languageMemos = new java.util.concurrent.ConcurrentHashMap<>();
    private final org.hearth.i18n.Translation translation;

    /** A Hearth whose messages name files relative to {@code workingDir}. */
    public Hearth(Path workingDir) {
        this(workingDir, stage -> { });
    }

    /**
     * A Hearth that also reports each stage as it starts (for a progress display).
     *
     * @param progress receives a short description of each stage, such as "laying out the PDF"
     */
    public Hearth(Path workingDir, java.util.function.Consumer<String> progress) {
        this.progress = progress;
        this.names = new PathNames(workingDir);
        this.configLoader = new ConfigLoader(yaml, names);
        this.contentLoader = new ContentLoader(yaml, names);
        this.markdown = new MarkdownRenderer(yaml);
        this.translation = new org.hearth.i18n.Translation(yaml, names);
    }

    /**
     * Builds the site and/or PDF and writes them atomically to the output folder.
     *
     * @throws BuildFailure when content or templates have errors; the output folder is untouched
     * @throws IOException when the output cannot be written
     */
    public BuildResult build(BuildRequest request) throws IOException {
        long start = System.nanoTime();
        Rendered rendered = render(request);
        Set<String> keep = new HashSet<>();
        if (!request.site()) {
            keep.add("site");
        }
        LanguageSettings langs = LanguageSettings.read(request.contentDir(), yaml, names, new Diagnostics());
        for (String language : langs.languages()) {
            // --language builds one language: the others' PDFs from the last build stay.
            if (!request.pdf() || (request.overrides().language() != null && !request.overrides().language().equals(language))) {
                keep.add(pdfName("workbook.pdf", langs, language));
                keep.add(pdfName(PdfRenderer.BOOKLET, langs, language));
            }
        }
        keep.add(PEOPLE); // batch builds live beside the main build and are replaced only by batch builds
        progress.accept("writing " + request.outDir());
        write(request, rendered.files(), keep);
        return new BuildResult(rendered.warnings(), rendered.sitePages(), rendered.siteFiles(), rendered.pdfPages(),
                Duration.ofNanos(System.nanoTime() - start), rendered.pdfStandard());
    }

    /** Folder inside the output folder for one PDF per person (batch builds). */
    public static final String PEOPLE = "people";

    /**
     * What a build produced, still in memory.
     *
     * @param files the files, with paths relative to the output folder
     * @param warnings warnings found along the way
     * @param sitePages HTML pages of the site
     * @param siteFiles all files of the site
     * @param pdfPages pages of the PDF
     * @param pdfStandard the standards the PDF meets, or null without the PDF
     */
    public record Rendered(List<OutputFile> files, List<Diagnostic> warnings, int sitePages, int siteFiles, int pdfPages,
            org.hearth.model.PdfStandard pdfStandard) {
    }

    /**
     * Runs every stage but the last: the site and PDF are rendered in memory, nothing is written.
     *
     * @throws BuildFailure when content or templates have errors
     */
    public Rendered render(BuildRequest request) {
        Diagnostics d = new Diagnostics();
        progress.accept("reading content");
        LanguageSettings langs = LanguageSettings.read(request.contentDir(), yaml, names, d);
        d.throwIfErrors();
        List<String> languages = buildLanguages(request, langs);
        if (!langs.multilingual()) {
            return render(request, prepare(request, d), d, LanguageSet.SINGLE, siteMemo);
        }
        // Every language is prepared before any is rendered: each page's switcher needs to know
        // which pages the other languages have.
        Map<String, Workbook> books = new java.util.LinkedHashMap<>();
        Map<String, String> namesOf = new HashMap<>();
        Map<String, Set<String>> entries = new HashMap<>();
        LoadedTheme loadedTheme = theme(request.templatesDir());
        for (String language : langs.languages()) {
            if (languages.contains(language)) {
                Workbook w = prepare(request, language, d);
                books.put(language, w);
                entries.put(language, w.entries().stream().map(e -> e.id()).collect(java.util.stream.Collectors.toSet()));
            }
            namesOf.put(language, loadedTheme.templates().messages(language).t("language.name"));
        }
        String base = books.values().iterator().next().book().baseUrl();
        String primaryBase = languages.contains(langs.primary()) ? base : base.replaceFirst("[^/]+/$", "");
        LanguageSet set = new LanguageSet(langs.languages(), namesOf, entries, primaryBase);
        List<OutputFile> files = new ArrayList<>();
        int pages = 0;
        int siteFiles = 0;
        int pdfPages = 0;
        org.hearth.model.PdfStandard standard = null;
        for (Map.Entry<String, Workbook> book : books.entrySet()) {
            String language = book.getKey();
            SiteMemo memo = language.equals(langs.primary()) ? siteMemo : languageMemos.computeIfAbsent(language, l -> new SiteMemo());
            Rendered one = render(request, book.getValue(), d, set, memo);
            for (OutputFile f : one.files()) {
                String path = f.path().startsWith("site/") ? "site/" + set.folder(language) + f.path().substring("site/".length())
                        : pdfName(f.path(), langs, language);
                files.add(new OutputFile(path, f.bytes()));
            }
            pages += one.sitePages();
            siteFiles += one.siteFiles();
            pdfPages += one.pdfPages();
            standard = standard == null ? one.pdfStandard() : standard;
        }
        List<Diagnostic> warnings = d.list().stream().filter(x -> x.severity() == Severity.WARNING).toList();
        return new Rendered(files, warnings, pages, siteFiles, pdfPages, standard);
    }

    /** A PDF's file name in {@code language}: {@code workbook.pdf} in the default, {@code workbook.es.pdf} in Spanish. */
    private static String pdfName(String name, LanguageSettings langs, String language) {
        return language.equals(langs.primary()) ? name : name.replaceFirst("\\.pdf$", "." + language + ".pdf");
    }

    /**
     * The languages this build makes: the one {@code --language} or a batch row names, the default
     * alone for a batch row that names none (one PDF per person), else every language.
     *
     * @throws BuildFailure when the language named is not one of the project's
     */
    private List<String> buildLanguages(BuildRequest request, LanguageSettings langs) {
        String only = request.overrides().language();
        if (only == null) {
            return request.overrides().person() != null ? List.of(langs.primary()) : langs.languages();
        }
        if (!langs.languages().contains(only)) {
            throw BuildFailure.of(Position.ofFile(names.display(request.contentDir().resolve("workbook.yml"))),
                    "'" + only + "' is not one of this workbook's languages (" + String.join(", ", langs.languages()) + ")",
                    "choose one of them, or add it to 'languages:' in workbook.yml with its content in content/" + only + "/");
        }
        return List.of(only);
    }

    /** Renders one language's prepared workbook, files named as in a single-language build. */
    private Rendered render(BuildRequest request, Workbook workbook, Diagnostics d, LanguageSet languages, SiteMemo memo) {
        LoadedTheme loaded = theme(request.templatesDir());
        Theme theme = loaded.theme();
        Templates templates = loaded.templates();
        if (request.pdf()) {
            // Before layout: an unreadable image fails the layout with no file named.
            throwIfAny(imageProblems(request, workbook));
        }
        progress.accept(request.site() && request.pdf() ? "rendering the site and laying out the PDF"
                : request.site() ? "rendering the site" : "laying out the PDF");

        // The PDF takes longest: lay it out on another core while the site renders.
        Instant time = request.pinnedTime() != null ? request.pinnedTime() : Instant.now();
        PdfRenderer pdfRenderer = new PdfRenderer(templates, theme);
        CompletableFuture<PdfRenderer.RenderedPdf> pdf = request.pdf()
                ? CompletableFuture.supplyAsync(() -> pdfRenderer.render(workbook, request.print(), time))
                : CompletableFuture.completedFuture(null);
        CompletableFuture<OutputFile> booklet = request.pdf() && request.print().booklet()
                ? CompletableFuture.supplyAsync(() -> pdfRenderer.booklet(workbook, request.print(), time))
                : CompletableFuture.completedFuture(null);
        List<OutputFile> site = request.site() ? new SiteRenderer(templates, theme, memo, languages).render(workbook) : List.of();
        PdfRenderer.RenderedPdf rendered = join(pdf);
        OutputFile bookletFile = join(booklet);

        throwIfAny(nameClashes(request, workbook, site));
        List<OutputFile> files = new ArrayList<>();
        site.forEach(f -> files.add(new OutputFile("site/" + f.path(), f.bytes())));
        if (rendered != null) {
            files.add(rendered.file());
        }
        if (bookletFile != null) {
            files.add(bookletFile);
        }
        int pages = (int) site.stream().filter(f -> f.path().endsWith(".html")).count();
        List<Diagnostic> warnings = d.list().stream().filter(x -> x.severity() == Severity.WARNING).toList();
        return new Rendered(files, warnings, pages, site.size(), rendered == null ? 0 : rendered.pages(),
                rendered == null ? null : PdfRenderer.standard(workbook, request.print()));
    }

    /**
     * Stage 6: writes {@code files} as the new output folder, keeping the named top-level entries
     * of the previous build.
     */
    public void write(BuildRequest request, List<OutputFile> files, Set<String> keep) throws IOException {
        Path projectRoot = request.contentDir().toAbsolutePath().normalize().getParent();
        writer.write(request.outDir(), files, keep, projectRoot, request.contentDir());
    }

    /**
     * Starts writing a build file by file (see {@link OutputWriter#stage}); batch builds use it to
     * write each person's workbook as soon as it is made.
     */
    public OutputWriter.Staged stage(BuildRequest request) throws IOException {
        Path projectRoot = request.contentDir().toAbsolutePath().normalize().getParent();
        return writer.stage(request.outDir(), projectRoot, request.contentDir());
    }

    /**
     * Runs every stage except writing (and the PDF's page layout, which only turns checked XHTML
     * into pages) and returns every problem found, including support resources not verified in
     * the last 12 months and a missing or plain-http {@code base_url}.
     *
     * @param today the date resource checks are measured from
     */
    public List<Diagnostic> check(BuildRequest request, java.time.LocalDate today) {
        Diagnostics d = new Diagnostics();
        // Resource dates are checked from a separate read so they are reported even when other stages fail.
        for (org.hearth.model.Resource r : contentLoader.load(request.contentDir(), new Diagnostics()).resources()) {
            if (r.verified() != null && r.verified().isBefore(today.minusMonths(12))) {
                d.warn(r.position(), "'" + r.name() + "' was last verified on " + r.verified() + ", more than 12 months ago",
                        "check that its contact details still work, then update 'verified'");
            }
        }
        configLoader.checkHosting(request.contentDir(), d);
        try {
            Workbook workbook = prepare(request, d);
            LoadedTheme loaded = theme(request.templatesDir());
            Theme theme = loaded.theme();
            Templates templates = loaded.templates();
            List<OutputFile> site = new SiteRenderer(templates, theme).render(workbook);
            new PdfRenderer(templates, theme).check(workbook, false, false);
            d.addAll(imageProblems(request, workbook));
            d.addAll(nameClashes(request, workbook, site));
            checkVariants(request, workbook, templates, theme, today, d);
            checkLanguages(request, templates, theme, d);
        } catch (BuildFailure f) {
            // Failures from the stages already hold everything collected in d; template failures do not.
            List<Diagnostic> seen = d.list();
            f.diagnostics().stream().filter(x -> !seen.contains(x)).forEach(x -> d.addAll(List.of(x)));
        }
        return d.list();
    }

    /**
     * Every catalogue the project can use (its languages and every one the theme has) must have
     * every message; every other language's edition is prepared and rendered in memory, so a
     * missing translation is a warning naming it and a broken one an error.
     */
    private void checkLanguages(BuildRequest request, Templates templates, Theme theme, Diagnostics d) {
        LanguageSettings langs = LanguageSettings.read(request.contentDir(), yaml, names, d);
        Set<String> catalogues = new java.util.LinkedHashSet<>(langs.languages());
        theme.paths().stream().filter(p -> p.startsWith("messages/") && p.endsWith(".properties"))
                .forEach(p -> catalogues.add(p.substring("messages/".length(), p.length() - ".properties".length())));
        d.addAll(templates.messageProblems(List.copyOf(catalogues)));
        Set<String> reported = new HashSet<>();
        d.list().forEach(x -> reported.add(x.position() + "\t" + x.message()));
        for (String language : langs.languages().subList(1, langs.languages().size())) {
            Diagnostics own = new Diagnostics();
            try {
                Workbook w = prepare(request, language, own);
                new SiteRenderer(templates, theme).render(w);
                new PdfRenderer(templates, theme).check(w, false, false);
            } catch (BuildFailure f) {
                own.addAll(f.diagnostics());
            }
            for (Diagnostic x : own.list()) {
                if (reported.add(x.position() + "\t" + x.message())) {
                    d.addAll(List.of(x));
                }
            }
        }
    }

    /**
     * Renders every other variant the content can be built as, in memory: the other edition, a
     * personalised copy (as a batch row makes), and the PDF fillable and with right-hand starts.
     * A problem only one variant has is reported once, naming the variant.
     */
    private void checkVariants(BuildRequest request, Workbook workbook, Templates templates, Theme theme,
            LocalDate today, Diagnostics d) {
        Edition edition = workbook.book().edition();
        Edition other = edition == Edition.CLIENT
                ? Edition.FACILITATOR : Edition.CLIENT;
        List<Edition> editions = List.of(edition, other);
        Person sample = workbook.book().personalised() ? null
                : new Person("A Reader", today, "A line for the cover.");
        Set<String> reported = new HashSet<>();
        d.list().forEach(x -> reported.add(x.position() + "\t" + x.message()));
        for (Edition e : editions) {
            for (boolean personalised : sample == null ? List.of(false) : List.of(false, true)) {
                String label = e.label() + " edition" + (personalised ? ", personalised" : "");
                Workbook variant = workbook;
                if (e != edition || personalised) {
                    Overrides o = request.overrides();
                    try {
                        variant = prepare(new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(), true, true,
                                request.print(), new Overrides(e, personalised ? sample : o.person(), o.includeTags(), o.excludeTags()),
                                request.pinnedTime()), new Diagnostics());
                    } catch (BuildFailure f) {
                        continue; // content problems are the same in every variant, and already reported
                    }
                    Workbook w = variant;
                    variantProblems(label, reported, d, () -> new SiteRenderer(templates, theme).render(w));
                    variantProblems(label, reported, d, () -> new PdfRenderer(templates, theme).check(w, false, false));
                }
                Workbook w = variant;
                variantProblems(label + ", fillable, right-hand starts", reported, d,
                        () -> new PdfRenderer(templates, theme).check(w, true, true));
            }
        }
    }

    /** Runs one variant's rendering; each problem not reported yet is added, naming the variant. */
    private static void variantProblems(String label, Set<String> reported, Diagnostics d, Runnable render) {
        try {
            render.run();
        } catch (BuildFailure f) {
            for (Diagnostic x : f.diagnostics()) {
                if (reported.add(x.position() + "\t" + x.message())) {
                    d.addAll(List.of(new Diagnostic(x.severity(), x.position(), x.message() + " (in the " + label + ")", x.hint())));
                }
            }
        }
    }

    /** Images the PDF cannot embed, each at its file. */
    private List<Diagnostic> imageProblems(BuildRequest request, Workbook workbook) {
        return PdfImages.problems(workbook.media()).stream()
                .map(p -> new Diagnostic(Severity.ERROR, Position.ofFile(names.display(request.contentDir().resolve(p.path()))),
                        p.message(), p.hint()))
                .toList();
    }

    /** Site files that would overwrite each other, each at the content file that makes the second. */
    private List<Diagnostic> nameClashes(BuildRequest request, Workbook workbook, List<OutputFile> site) {
        List<Diagnostic> out = new ArrayList<>();
        for (OutputNames.Clash c : OutputNames.clashes(site)) {
            String source = c.second().startsWith(Routes.MEDIA)
                    ? names.display(request.contentDir().resolve(c.second().substring(Routes.MEDIA.length())))
                    : workbook.entries().stream().filter(e -> (e.id() + ".html").equals(c.second())).map(e -> e.sourceFile())
                            .findFirst().orElse(c.second());
            out.add(new Diagnostic(Severity.ERROR, Position.ofFile(source),
                    "'" + c.second() + "' and '" + c.first() + "' differ only in case: on most computers and hosts they are one file",
                    "rename one of them"));
        }
        return out;
    }

    private static void throwIfAny(List<Diagnostic> problems) {
        if (!problems.isEmpty()) {
            throw new BuildFailure(problems);
        }
    }

    /**
     * The theme and its templates, loaded again only when the theme folder changed since the last
     * build of this Hearth (so `serve` does not re-parse every template after each content edit).
     */
    private LoadedTheme theme(Path dir) {
        List<String> stamp = Theme.stamp(dir);
        LoadedTheme last = lastTheme.get();
        if (last != null && Objects.equals(last.dir(), dir) && last.stamp().equals(stamp)) {
            return last;
        }
        Theme theme = Theme.load(dir);
        LoadedTheme loaded = new LoadedTheme(dir, stamp, theme, new Templates(theme));
        lastTheme.set(loaded);
        return loaded;
    }

    /** A loaded theme with the folder stamp it was loaded at. */
    private record LoadedTheme(Path dir, List<String> stamp, Theme theme, Templates templates) {
    }

    /** Waits for a renderer running on another thread, rethrowing its failure as it was. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * Runs the stages up to the workbook model (everything but rendering and writing), collecting
     * every problem; used by {@link #build} and by checks.
     *
     * @throws BuildFailure if any stage found an error
     */
    public Workbook prepare(BuildRequest request, Diagnostics d) {
        return prepare(request, null, d);
    }

    /**
     * Like {@link #prepare(BuildRequest, Diagnostics)}, for one language of the project: the
     * default's content, or another's from {@code content/<lang>/} matched to it by id.
     *
     * @param language the language, or null for the default
     */
    public Workbook prepare(BuildRequest request, String language, Diagnostics d) {
        WorkbookConfig config = loadConfig(request, d);
        Content content = loadContent(request, d);
        LanguageSettings langs = LanguageSettings.read(request.contentDir(), yaml, names, new Diagnostics());
        if (langs.multilingual() && !config.language().equals(langs.primary())) {
            config = org.hearth.i18n.Translation.inLanguage(config, langs.primary()); // 'languages:' without 'language:'
        }
        if (langs.multilingual()) {
            // The other languages' folders are not part of the default language's content.
            Map<String, byte[]> media = new HashMap<>(content.media());
            media.keySet().removeIf(path -> langs.languages().stream().anyMatch(l -> path.startsWith(l + "/")));
            content = new Content(content.documents(), content.prompts(), content.resources(), media);
        }
        if (language != null && !language.equals(config.language()) && langs.languages().contains(language)) {
            d.throwIfErrors();
            java.nio.file.Path folder = org.hearth.i18n.Translation.folder(request.contentDir(), language);
            Content own = languageLoaders.computeIfAbsent(language, l -> new ContentLoader(yaml, names)).load(folder, d);
            org.hearth.i18n.Translation.Translated t = translation.content(content, own, language, langs.missing(),
                    config.source().file(), d);
            content = t.content();
            config = translation.config(config, language, d);
            config = config.with(config.person(), config.edition(), org.hearth.i18n.Translation.keepOnly(config.selection(), t.prompts()));
        }
        d.throwIfErrors();
        List<RenderedDocument> docs = renderMarkdown(content, d);
        Workbook workbook = selector.select(config, content, docs, d);
        d.throwIfErrors();
        return workbook;
    }

    /**
     * Loads the content folder without rendering anything, for commands that only list or check
     * what is there.
     *
     * @throws BuildFailure if the content has errors
     */
    public Content loadContent(Path contentDir) {
        Diagnostics d = new Diagnostics();
        Content content = contentLoader.load(contentDir, d);
        d.throwIfErrors();
        return content;
    }

    /** Stage 1: workbook.yml. */
    WorkbookConfig loadConfig(BuildRequest request, Diagnostics d) {
        WorkbookConfig config = configLoader.load(request.contentDir(), d).orElse(null);
        d.throwIfErrors();
        config = request.print().pageSize() != null ? config.withPageSize(request.print().pageSize()) : config;
        return apply(request.overrides(), config);
    }

    /** Applies command-line or batch changes to the config. */
    private static WorkbookConfig apply(Overrides o, WorkbookConfig config) {
        Selection s = config.selection();
        if (!o.includeTags().isEmpty() || !o.excludeTags().isEmpty()) {
            List<Ref> include = new ArrayList<>(s.include().tags());
            include.addAll(o.includeTags());
            List<Ref> exclude = new ArrayList<>(s.exclude().tags());
            exclude.addAll(o.excludeTags());
            Selection.Filter in = new Selection.Filter(s.include().ids(), include, s.include().kinds(), s.include().intensities());
            Selection.Filter out = new Selection.Filter(s.exclude().ids(), exclude, List.of(), List.of());
            s = new Selection(s.prompts(), in, out, s.limitPerExercise(), s.order(), s.custom(),
                    s.position() != null ? s.position() : config.source().file());
        }
        WorkbookConfig changed = config.with(o.person() != null ? o.person() : config.person(),
                o.edition() != null ? o.edition() : config.edition(), s);
        // Each person's copy keeps its answers apart: sites for a group may share one address, and
        // a browser keys stored answers by the workbook id.
        return o.person() == null ? changed : changed.withId(config.id() + "-" + org.hearth.model.Slug.of(o.person().name(), "person"));
    }

    /** Stage 2: pages, exercises, prompts, data and media. */
    Content loadContent(BuildRequest request, Diagnostics d) {
        return contentLoader.load(request.contentDir(), d);
    }

    /** Stage 3: Markdown bodies to blocks; documents are independent, so they render in parallel. */
    List<RenderedDocument> renderMarkdown(Content content, Diagnostics d) {
        Map<String, String> byPath = new HashMap<>();
        for (SourceDocument doc : content.documents()) {
            byPath.put(doc.relativePath(), doc.id());
        }
        Set<String> media = content.media().keySet();
        // A document renders the same as last time if its text and the set of link targets are
        // unchanged; `serve` and batch builds reuse one Hearth, so only edited documents render again.
        LinkTargets targets = new LinkTargets(Map.copyOf(byPath), Set.copyOf(media));
        LinkTargets last = lastTargets.get();
        if (targets.equals(last)) {
            targets = last; // the same instance, so each document compares it by identity
        } else {
            lastTargets.set(targets);
            rendered.keySet().retainAll(byPath.keySet());
        }
        LinkTargets current = targets;
        return content.documents().parallelStream().map(doc -> {
            RenderedMemo memo = rendered.get(doc.relativePath());
            if (memo != null && memo.targets() == current && memo.doc().equals(doc)) {
                d.addAll(memo.problems());
                return memo.result();
            }
            Diagnostics own = new Diagnostics();
            RenderedDocument result = markdown.render(doc, byPath, media, own);
            d.addAll(own.list());
            rendered.put(doc.relativePath(), new RenderedMemo(doc, current, result, own.list()));
            return result;
        }).toList();
    }

    /** What links in a document may point at: the documents by path and the media files. */
    private record LinkTargets(Map<String, String> byPath, Set<String> media) {
    }

    /** A document's Markdown as last rendered, with the problems found doing it. */
    private record RenderedMemo(SourceDocument doc, LinkTargets targets, RenderedDocument result, List<Diagnostic> problems) {
    }
}
