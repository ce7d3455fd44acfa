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
import java.util.function.Supplier;
import org.hearth.config.ConfigLoader;
import org.hearth.config.Selection;
import org.hearth.config.WorkbookConfig;
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
import org.hearth.i18n.LanguageSet;
import org.hearth.i18n.LanguageSettings;
import org.hearth.model.Edition;
import org.hearth.model.Person;
import org.hearth.model.Ref;
import org.hearth.model.Routes;
import org.hearth.model.Workbook;
import org.hearth.output.OutputWriter;
import org.hearth.render.OutputFile;
import org.hearth.render.OutputNames;
import org.hearth.render.OutputSink;
import org.hearth.render.Renderer;
import org.hearth.render.Templates;
import org.hearth.render.Theme;
import org.hearth.render.pdf.BookletOutput;
import org.hearth.render.pdf.PdfImages;
import org.hearth.render.pdf.PdfOutput;
import org.hearth.render.pdf.PdfRenderer;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.render.site.SiteMemo;
import org.hearth.render.site.SiteOutput;
import org.hearth.select.PromptSelector;
import org.hearth.source.PathNames;
import org.hearth.source.YamlReader;

/**
 * The public entry point: runs the build pipeline, stage by stage, like mdBook's driver.
 * load config → load content → render Markdown → select prompts → render site and PDF → write.
 * Each stage collects every problem it finds; the build fails after the first stage with errors.
 */
public final class Hearth {

    private final YamlReader yaml = new YamlReader();
    private final ConfigLoader configLoader;
    private final MarkdownRenderer markdown;
    private final PromptSelector selector = new PromptSelector();
    private final OutputWriter writer = new OutputWriter();
    private final java.util.function.Consumer<String> progress;
    private final PathNames names;
    private final Path workingDir;
    // `serve` and batch builds hold a cache: it keeps what the last build made, so only what an
    // edit changed is read, parsed and rendered again. Without one, each call starts afresh.
    private final BuildCache held;
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
        this(workingDir, progress, null);
    }

    private Hearth(Path workingDir, java.util.function.Consumer<String> progress, BuildCache cache) {
        this.workingDir = workingDir;
        this.progress = progress;
        this.names = new PathNames(workingDir);
        this.configLoader = new ConfigLoader(yaml, names);
        this.markdown = new MarkdownRenderer(yaml);
        this.translation = new org.hearth.i18n.Translation(yaml, names);
        this.held = cache;
    }

    /**
     * This Hearth, remembering what each build made in {@code cache} so the next one redoes only
     * what changed ({@code serve} and batch builds); its outputs are the same as without.
     */
    public Hearth withCache(BuildCache cache) {
        return new Hearth(workingDir, progress, Objects.requireNonNull(cache));
    }

    /** The cache a build uses: the one held, or an empty one that is dropped afterwards. */
    private BuildCache cache() {
        return held != null ? held : new BuildCache();
    }

    /**
     * Builds the site and/or PDF and writes them atomically to the output folder.
     *
     * @throws BuildFailure when content or templates have errors; the output folder is untouched
     * @throws IOException when the output cannot be written
     */
    public BuildResult build(BuildRequest request) throws IOException {
        long start = System.nanoTime();
        try (Staging staging = new Staging(request)) {
            Made made = make(request, staging);
            return written(request, made, staging.staged(), start);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // a page that could not be staged while the site was rendered
        }
    }

    /**
     * The output folder's staging area for one build, opened only when rendering starts (so content
     * errors leave the disk untouched) and removed unless the build is committed.
     */
    private final class Staging implements Supplier<OutputSink>, AutoCloseable {
        private final BuildRequest request;
        private OutputWriter.Staged staged;

        Staging(BuildRequest request) {
            this.request = request;
        }

        /**
         * The staging area, as the sink that renderers hand their pages to; pages stay in memory when
         * this Hearth holds a cache (its memo keeps them for the next build, after this folder has
         * moved into place) or when the folder cannot be made (the content's and templates' own
         * errors are reported first, and the writing stage reports this one).
         */
        @Override
        public synchronized OutputSink get() {
            if (held != null) {
                return OutputSink.KEEP;
            }
            try {
                return staged();
            } catch (IOException | BuildFailure e) {
                return OutputSink.KEEP;
            }
        }

        synchronized OutputWriter.Staged staged() throws IOException {
            if (staged == null) {
                staged = stage(request);
            }
            return staged;
        }

        @Override
        public synchronized void close() throws IOException {
            if (staged != null) {
                staged.close();
            }
        }
    }

    /** Writes what a build made into {@code staged}, keeping the outputs it left out, and commits it. */
    private BuildResult written(BuildRequest request, Made made, OutputWriter.Staged staged, long start) throws IOException {
        Rendered rendered = made.rendered();
        // The outputs left out of this build keep what the last build wrote.
        Set<String> keep = new HashSet<>(made.leftOut());
        LanguageSettings langs = LanguageSettings.read(request.contentDir(), yaml, names, new Diagnostics());
        if (langs.multilingual()) {
            // Another language's PDFs are kept alike when left out, or when --language builds one language only.
            for (String language : langs.languages()) {
                boolean built = request.overrides().language() == null || request.overrides().language().equals(language);
                for (String name : List.copyOf(keep)) {
                    if (name.endsWith(".pdf")) {
                        keep.add(pdfName(name, langs, language));
                    }
                }
                if (!built && request.pdf()) {
                    outputNames(request).stream().filter(n -> n.endsWith(".pdf")).forEach(n -> keep.add(pdfName(n, langs, language)));
                }
            }
        }
        keep.add(PEOPLE); // batch builds live beside the main build and are replaced only by batch builds
        progress.accept("writing " + request.outDir());
        staged.addAll(rendered.files()); // the site's pages are there already: they went in as they were rendered
        staged.commit(keep);
        return new BuildResult(rendered.warnings(), rendered.sitePages(), rendered.siteFiles(), rendered.pdfPages(),
                Duration.ofNanos(System.nanoTime() - start), rendered.pdfStandard(), rendered.pdfs());
    }

    /**
     * Builds a keepsake: the PDF with a person's answers printed in place of the empty lines
     * ({@code workbook-answers.pdf}, and its booklet with {@code --booklet}), or with {@code --fillable}
     * the fillable edition with the answers in its fields. Nothing else in the output folder
     * changes: answers never enter the site, its search index or the plain workbook.
     *
     * @throws BuildFailure when the content or the answers file has errors; the output folder is untouched
     */
    public BuildResult keepsake(BuildRequest request, org.hearth.answers.AnswersOptions options) throws IOException {
        long start = System.nanoTime();
        Diagnostics d = new Diagnostics();
        BuildCache cache = cache();
        progress.accept("reading content");
        // The edition the answers were written in (--language, else what the file says): a Spanish
        // site's export or a filled workbook.es.pdf makes a Spanish keepsake with every Spanish field.
        String language = request.overrides().language() != null ? request.overrides().language()
                : new org.hearth.answers.AnswersInput(names::display, time(request)).language(options.file()).orElse(null);
        Workbook workbook = prepare(request, language, d, cache);
        LoadedTheme loaded = theme(request.templatesDir(), cache);
        progress.accept("reading the answers");
        org.hearth.answers.AnswerSheet sheet = new org.hearth.answers.AnswersInput(names::display, time(request))
                .sheet(options, workbook, loaded.templates().messages(workbook.book().language()), d);
        org.hearth.answers.LineBreaker breaker = new org.hearth.answers.LineBreaker(themeFont(loaded, "fonts/Yrsa-Regular.ttf"),
                themeFont(loaded, "fonts/Lato-Regular.ttf"));
        sheet.checkGlyphs(breaker::canShow, names.display(options.file()), d);
        d.throwIfErrors();
        throwIfAny(imageProblems(request, workbook));
        progress.accept("laying out the PDF");
        Instant time = time(request);
        PdfRenderer renderer = new PdfRenderer(loaded.templates(), loaded.theme());
        org.hearth.answers.Keepsake keepsake = new org.hearth.answers.Keepsake(sheet, breaker, options.answeredOnly(),
                sheet.file().name(), workbook.book().language());
        List<OutputFile> files = new ArrayList<>();
        PdfRenderer.RenderedPdf pdf;
        if (request.print().fillable()) {
            pdf = renderer.renderFilled(workbook, request.print(), time, sheet);
            files.add(new OutputFile(org.hearth.answers.AnswersOptions.FILLED, pdf.file().bytes()));
        } else {
            pdf = renderer.render(workbook, request.print(), time, keepsake);
            files.add(new OutputFile(org.hearth.answers.AnswersOptions.KEEPSAKE, pdf.file().bytes()));
        }
        if (request.print().booklet()) {
            files.add(new OutputFile(org.hearth.answers.AnswersOptions.KEEPSAKE_BOOKLET,
                    renderer.booklet(workbook, request.print(), time, keepsake).bytes()));
        }
        Set<String> keep = new HashSet<>();
        if (java.nio.file.Files.isDirectory(request.outDir())) {
            try (var list = java.nio.file.Files.list(request.outDir())) {
                list.map(x -> x.getFileName().toString()).forEach(keep::add);
            }
        }
        files.forEach(f -> keep.remove(f.path()));
        if (!request.print().fillable()) {
            keep.remove(org.hearth.answers.AnswersOptions.KEEPSAKE_BOOKLET); // never an older keepsake's booklet beside a new one
        }
        progress.accept("writing " + request.outDir());
        write(request, files, keep);
        List<Diagnostic> warnings = d.list().stream().filter(x -> x.severity() == Severity.WARNING).toList();
        return new BuildResult(warnings, 0, 0, pdf.pages(), Duration.ofNanos(System.nanoTime() - start),
                PdfRenderer.standard(workbook, request.print()), List.of(new BuildResult.Pdf(files.get(0).path(), pdf.pages())));
    }

    /** A font of the theme, which answers are measured and checked with. */
    private static byte[] themeFont(LoadedTheme loaded, String path) {
        return loaded.theme().file(path).orElseThrow(() -> BuildFailure.of(Position.ofFile("templates/" + path),
                "the theme has no " + path + ", which answers are set in", "restore the file in your theme folder"));
    }

    private static Instant time(BuildRequest request) {
        return request.pinnedTime() != null ? request.pinnedTime() : Instant.now();
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
     * @param pdfPages pages of the PDF (of every language's PDF together)
     * @param pdfStandard the standards the PDF meets, or null without the PDF
     * @param pdfs each PDF with its pages, by its name in the output folder
     */
    public record Rendered(List<OutputFile> files, List<Diagnostic> warnings, int sitePages, int siteFiles, int pdfPages,
            org.hearth.model.PdfStandard pdfStandard, List<BuildResult.Pdf> pdfs) {
    }

    /**
     * Every output Hearth can make, in the order they start: the first renders on the calling
     * thread, the others on other cores beside it (the PDF takes longest).
     *
     * @param time the creation time stamped into PDFs
     */
    private List<Planned> renderers(BuildRequest request, LoadedTheme loaded, Instant time, BuildCache cache) {
        return renderers(request, loaded, time, cache, LanguageSet.SINGLE, cache.site, OutputSink.KEEP);
    }

    /**
     * As above, for one language of a multilingual site, whose pages {@code memo} remembers; the
     * site hands each page to {@code siteSink} as it is rendered.
     */
    private List<Planned> renderers(BuildRequest request, LoadedTheme loaded, Instant time, BuildCache cache,
            LanguageSet languages, SiteMemo memo, OutputSink siteSink) {
        Templates templates = loaded.templates();
        Theme theme = loaded.theme();
        return List.of(
                new Planned(new SiteOutput(templates, theme, memo, languages, siteSink), request.site()),
                new Planned(new PdfOutput(templates, theme, request.print(), time), request.pdf()),
                new Planned(new BookletOutput(templates, theme, request.print(), time), request.pdf()));
    }

    /** An output and whether the request asks for it. */
    private record Planned(Renderer renderer, boolean wanted) {
    }

    /**
     * The top-level entries of the output folder that builds write (batch builds keep them while
     * they replace {@link #PEOPLE}).
     */
    public Set<String> outputNames(BuildRequest request) {
        Set<String> names = new java.util.LinkedHashSet<>();
        BuildCache cache = cache();
        renderers(request, theme(request.templatesDir(), cache), Instant.EPOCH, cache).forEach(p -> names.addAll(p.renderer().owns()));
        return names;
    }

    /**
     * Runs every stage but the last: the site and PDF are rendered in memory, nothing is written.
     *
     * @throws BuildFailure when content or templates have errors
     */
    public Rendered render(BuildRequest request) {
        return make(request, () -> OutputSink.KEEP).rendered();
    }

    /** What a build rendered, and the output folder's entries of the outputs it left out. */
    private record Made(Rendered rendered, Set<String> leftOut) {
    }

    /**
     * Stages 1 to 5 for every language the request builds.
     *
     * @param sink where the site's pages go as they are rendered, asked for once rendering starts
     */
    private Made make(BuildRequest request, Supplier<OutputSink> sink) {
        BuildCache cache = cache();
        Diagnostics d = new Diagnostics();
        progress.accept("reading content");
        LanguageSettings langs = LanguageSettings.read(request.contentDir(), yaml, names, d);
        d.throwIfErrors();
        List<String> languages = buildLanguages(request, langs);
        if (!langs.multilingual()) {
            return makeOne(request, prepare(request, null, d, cache), d, LanguageSet.SINGLE, cache.site, cache, sink);
        }
        // Every language is prepared before any is rendered: each page's switcher needs to know
        // which pages the other languages have.
        Map<String, Workbook> books = new java.util.LinkedHashMap<>();
        Map<String, String> namesOf = new HashMap<>();
        Map<String, Set<String>> entries = new HashMap<>();
        LoadedTheme loadedTheme = theme(request.templatesDir(), cache);
        for (String language : langs.languages()) {
            if (languages.contains(language)) {
                Workbook w = prepare(request, language, d, cache);
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
        List<BuildResult.Pdf> pdfs = new ArrayList<>();
        org.hearth.model.PdfStandard standard = null;
        Set<String> leftOut = new HashSet<>();
        for (Map.Entry<String, Workbook> book : books.entrySet()) {
            String language = book.getKey();
            SiteMemo memo = language.equals(langs.primary()) ? cache.site : cache.languageSites.computeIfAbsent(language, l -> new SiteMemo());
            Made one = makeOne(request, book.getValue(), d, set, memo, cache, sink);
            for (OutputFile f : one.rendered().files()) {
                String path = f.path().startsWith("site/") ? "site/" + set.folder(language) + f.path().substring("site/".length())
                        : pdfName(f.path(), langs, language);
                files.add(f.at(path));
            }
            leftOut.addAll(one.leftOut());
            pages += one.rendered().sitePages();
            siteFiles += one.rendered().siteFiles();
            pdfPages += one.rendered().pdfPages();
            one.rendered().pdfs().forEach(p -> pdfs.add(new BuildResult.Pdf(pdfName(p.file(), langs, language), p.pages())));
            standard = standard == null ? one.rendered().pdfStandard() : standard;
        }
        List<Diagnostic> warnings = d.list().stream().filter(x -> x.severity() == Severity.WARNING).toList();
        return new Made(new Rendered(files, warnings, pages, siteFiles, pdfPages, standard, List.copyOf(pdfs)), leftOut);
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
    private Made makeOne(BuildRequest request, Workbook workbook, Diagnostics d, LanguageSet languages, SiteMemo memo,
            BuildCache cache, Supplier<OutputSink> sink) {
        LoadedTheme loaded = theme(request.templatesDir(), cache);
        if (request.pdf()) {
            // Before layout: an unreadable image fails the layout with no file named.
            throwIfAny(imageProblems(request, workbook));
        }
        progress.accept(request.site() && request.pdf() ? "rendering the site and laying out the PDF"
                : request.site() ? "rendering the site" : "laying out the PDF");

        Instant time = request.pinnedTime() != null ? request.pinnedTime() : Instant.now();
        // The site's files end up in the site folder, another language's in its own folder there (see make).
        OutputSink siteSink = request.site()
                ? sink.get().under(SiteOutput.FOLDER + "/" + languages.folder(workbook.book().language())) : OutputSink.KEEP;
        List<Planned> planned = renderers(request, loaded, time, cache, languages, memo, siteSink);
        List<Renderer> wanted = planned.stream().filter(Planned::wanted).map(Planned::renderer).toList();
        Set<String> leftOut = new HashSet<>();
        planned.stream().filter(p -> !p.wanted()).forEach(p -> leftOut.addAll(p.renderer().owns()));
        // The first output renders here; the others (the PDF takes longest) on other cores meanwhile.
        List<CompletableFuture<Renderer.Output>> others = wanted.stream().skip(1)
                .map(r -> CompletableFuture.supplyAsync(() -> r.render(workbook))).toList();
        List<Renderer.Output> outputs = new ArrayList<>();
        if (!wanted.isEmpty()) {
            outputs.add(wanted.get(0).render(workbook));
        }
        others.forEach(f -> outputs.add(join(f)));

        List<OutputFile> files = new ArrayList<>();
        outputs.forEach(o -> files.addAll(o.files()));
        throwIfAny(nameClashes(request, workbook, files));
        Renderer.Output site = request.site() ? outputs.get(0) : Renderer.Output.NONE;
        Renderer.Output pdf = outputs.stream().filter(o -> o.files().stream().anyMatch(f -> f.path().equals(Routes.PDF)))
                .findFirst().orElse(Renderer.Output.NONE);
        List<Diagnostic> warnings = d.list().stream().filter(x -> x.severity() == Severity.WARNING).toList();
        List<BuildResult.Pdf> pdfs = pdf.pages() > 0 ? List.of(new BuildResult.Pdf(Routes.PDF, pdf.pages())) : List.of();
        return new Made(new Rendered(files, warnings, site.pages(), site.files().size(), pdf.pages(), pdf.standard(), pdfs), leftOut);
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
        BuildCache cache = cache();
        Diagnostics d = new Diagnostics();
        // Resource dates are checked from a separate read so they are reported even when other stages fail.
        for (org.hearth.model.Resource r : contentLoader(cache).load(request.contentDir(), new Diagnostics()).resources()) {
            if (r.verified() != null && r.verified().isBefore(today.minusMonths(12))) {
                d.warn(r.position(), "'" + r.name() + "' was last verified on " + r.verified() + ", more than 12 months ago",
                        "check that its contact details still work, then update 'verified'");
            }
        }
        configLoader.checkHosting(request.contentDir(), d);
        try {
            Workbook workbook = prepare(request, null, d, cache);
            LoadedTheme loaded = theme(request.templatesDir(), cache);
            BuildRequest all = new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(), true, true,
                    request.print(), request.overrides(), request.pinnedTime());
            List<OutputFile> files = checkOutputs(all, loaded, workbook, cache);
            d.addAll(imageProblems(request, workbook));
            d.addAll(nameClashes(request, workbook, files));
            checkVariants(request, workbook, loaded, cache, today, d);
            checkLanguages(request, loaded, cache, d);
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
    private void checkLanguages(BuildRequest request, LoadedTheme loaded, BuildCache cache, Diagnostics d) {
        LanguageSettings langs = LanguageSettings.read(request.contentDir(), yaml, names, d);
        Set<String> catalogues = new java.util.LinkedHashSet<>(langs.languages());
        loaded.theme().paths().stream().filter(p -> p.startsWith("messages/") && p.endsWith(".properties"))
                .forEach(p -> catalogues.add(p.substring("messages/".length(), p.length() - ".properties".length())));
        d.addAll(loaded.templates().messageProblems(List.copyOf(catalogues)));
        Set<String> reported = new HashSet<>();
        d.list().forEach(x -> reported.add(x.position() + "\t" + x.message()));
        for (String language : langs.languages().subList(1, langs.languages().size())) {
            Diagnostics own = new Diagnostics();
            try {
                Workbook w = prepare(request, language, own, cache);
                for (Planned p : renderers(checked(request, true, true, PrintOptions.DEFAULT), loaded, Instant.EPOCH, cache,
                        LanguageSet.SINGLE, new SiteMemo(), OutputSink.KEEP)) {
                    if (!(p.renderer() instanceof BookletOutput)) {
                        p.renderer().check(w);
                    }
                }
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
    private void checkVariants(BuildRequest request, Workbook workbook, LoadedTheme loaded, BuildCache cache, LocalDate today,
            Diagnostics d) {
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
                                request.pinnedTime()), null, new Diagnostics(), cache);
                    } catch (BuildFailure f) {
                        continue; // content problems are the same in every variant, and already reported
                    }
                    Workbook w = variant;
                    for (Planned p : renderers(checked(request, true, true, PrintOptions.DEFAULT), loaded, Instant.EPOCH, cache)) {
                        variantProblems(label, reported, d, () -> p.renderer().check(w));
                    }
                }
                Workbook w = variant;
                PrintOptions fillable = new PrintOptions(null, true, false, true);
                for (Planned p : renderers(checked(request, false, true, fillable), loaded, Instant.EPOCH, cache)) {
                    if (p.wanted()) {
                        variantProblems(label + ", fillable, right-hand starts", reported, d, () -> p.renderer().check(w));
                    }
                }
            }
        }
    }

    /**
     * Runs every output's check for {@code hearth check}: the same outputs a build of
     * {@code request} renders, each leaving out only its slow stage.
     *
     * @return the files the checks rendered
     */
    private List<OutputFile> checkOutputs(BuildRequest request, LoadedTheme loaded, Workbook workbook, BuildCache cache) {
        List<OutputFile> files = new ArrayList<>();
        for (Planned p : renderers(request, loaded, Instant.EPOCH, cache)) {
            if (p.wanted()) {
                files.addAll(p.renderer().check(workbook).files());
            }
        }
        return files;
    }

    /** The request a check renders one variant with: the given outputs and print options. */
    private static BuildRequest checked(BuildRequest request, boolean site, boolean pdf, PrintOptions print) {
        return new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(), site, pdf, print,
                request.overrides(), request.pinnedTime());
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
    private List<Diagnostic> nameClashes(BuildRequest request, Workbook workbook, List<OutputFile> files) {
        String folder = SiteOutput.FOLDER + "/";
        List<OutputFile> site = files.stream().filter(f -> f.path().startsWith(folder))
                .map(f -> f.at(f.path().substring(folder.length()))).toList();
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
    private LoadedTheme theme(Path dir, BuildCache cache) {
        List<String> stamp = Theme.stamp(dir);
        LoadedTheme last = cache.theme.get();
        if (last != null && Objects.equals(last.dir(), dir) && last.stamp().equals(stamp)) {
            return last;
        }
        Theme theme = Theme.load(dir);
        LoadedTheme loaded = new LoadedTheme(dir, stamp, theme, new Templates(theme));
        cache.theme.set(loaded);
        return loaded;
    }

    /** A loaded theme with the folder stamp it was loaded at. */
    record LoadedTheme(Path dir, List<String> stamp, Theme theme, Templates templates) {
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
        return prepare(request, null, d, cache());
    }

    /**
     * Like {@link #prepare(BuildRequest, Diagnostics)}, for one language of the project: the
     * default's content, or another's from {@code content/<lang>/} matched to it by id.
     *
     * @param language the language, or null for the default
     */
    public Workbook prepare(BuildRequest request, String language, Diagnostics d) {
        return prepare(request, language, d, cache());
    }

    /** The interface strings of {@code language} in the request's theme (its {@code messages/<lang>.properties}). */
    public org.hearth.i18n.Catalogue messages(BuildRequest request, String language) {
        return theme(request.templatesDir(), cache()).templates().messages(language);
    }

    private Workbook prepare(BuildRequest request, String language, Diagnostics d, BuildCache cache) {
        WorkbookConfig config = loadConfig(request, d);
        Content content = loadContent(request, d, cache);
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
            Content own = cache.languageLoaders.computeIfAbsent(language, l -> new ContentLoader(yaml, names)).load(folder, d);
            org.hearth.i18n.Translation.Translated t = translation.content(content, own, language, langs.missing(),
                    config.source().file(), d);
            content = t.content();
            config = translation.config(config, language, d);
            config = config.with(config.person(), config.edition(), org.hearth.i18n.Translation.keepOnly(config.selection(), t.prompts()));
        }
        d.throwIfErrors();
        BuildCache.MarkdownMemo markdownMemo = cache.markdown.computeIfAbsent(language == null ? "" : language,
                l -> new BuildCache.MarkdownMemo());
        List<RenderedDocument> docs = renderMarkdown(content, d, markdownMemo);
        if (langs.multilingual()) {
            // Each edition's callout titles, tracker columns and quotation marks (single-language projects as before).
            docs = localized(docs, theme(request.templatesDir(), cache).templates().messages(config.language()), markdownMemo);
        }
        Workbook workbook = selector.select(config, content, docs, d,
                cache.selections.computeIfAbsent(language == null ? "" : language, l -> new PromptSelector.Memo()));
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
        Content content = contentLoader(cache()).load(contentDir, d);
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
    Content loadContent(BuildRequest request, Diagnostics d, BuildCache cache) {
        return contentLoader(cache).load(request.contentDir(), d);
    }

    private ContentLoader contentLoader(BuildCache cache) {
        return new ContentLoader(yaml, names, cache.files);
    }

    /** Stage 3: Markdown bodies to blocks; documents are independent, so they render in parallel. */
    List<RenderedDocument> renderMarkdown(Content content, Diagnostics d, BuildCache.MarkdownMemo cache) {
        // A document renders the same as last time if its text and the set of link targets are
        // unchanged; `serve` and batch builds reuse one Hearth, so only edited documents render again.
        LinkTargets current = cache.targets(content.documents(), content.media().keySet());
        Map<String, String> byPath = current.byPath();
        Set<String> media = current.media();
        List<SourceDocument> docs = content.documents();
        // A document that is the very one of last time at the same place is found without a look-up
        // by path (10,000 of them after every save); any other by its path, as before.
        BuildCache.Placed last = cache.placed();
        boolean aligned = last.docs().size() == docs.size();
        RenderedMemo[] now = new RenderedMemo[docs.size()];
        List<RenderedDocument> rendered = java.util.stream.IntStream.range(0, docs.size()).parallel().mapToObj(i -> {
            SourceDocument doc = docs.get(i);
            RenderedMemo memo = aligned && last.docs().get(i) == doc ? last.memos()[i] : null;
            if (memo == null) {
                memo = cache.documents.get(doc.relativePath());
            }
            if (memo != null && memo.targets() == current && memo.doc().equals(doc)) {
                d.addAll(memo.problems());
                now[i] = memo;
                return memo.result();
            }
            Diagnostics own = new Diagnostics();
            RenderedDocument result = markdown.render(doc, byPath, media, own);
            d.addAll(own.list());
            now[i] = new RenderedMemo(doc, current, result, own.list());
            cache.documents.put(doc.relativePath(), now[i]);
            return result;
        }).toList();
        cache.placed(new BuildCache.Placed(docs, now));
        return rendered;
    }

    /**
     * {@code docs} in the edition's language; a document that is the one of last time (at the same
     * place, in the same language) keeps last time's localized copy, so later stages, which
     * compare documents by identity, see it unchanged.
     */
    private static List<RenderedDocument> localized(List<RenderedDocument> docs, org.hearth.i18n.Catalogue messages,
            BuildCache.MarkdownMemo memo) {
        synchronized (memo) {
            boolean aligned = memo.localizedIn.size() == docs.size() && memo.localizedWith == messages;
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (!aligned || docs.get(i) != memo.localizedIn.get(i)) {
                    changed.add(i);
                }
            }
            List<RenderedDocument> made = org.hearth.markdown.Localized.documents(changed.stream().map(docs::get).toList(), messages);
            List<RenderedDocument> out = new ArrayList<>(aligned ? memo.localizedOut : docs);
            for (int k = 0; k < changed.size(); k++) {
                out.set(changed.get(k), made.get(k));
            }
            memo.localizedIn = docs;
            memo.localizedOut = List.copyOf(out);
            memo.localizedWith = messages;
            return memo.localizedOut;
        }
    }

    /** What links in a document may point at: the documents by path and the media files. */
    record LinkTargets(Map<String, String> byPath, Set<String> media) {
    }

    /** A document's Markdown as last rendered, with the problems found doing it. */
    record RenderedMemo(SourceDocument doc, LinkTargets targets, RenderedDocument result, List<Diagnostic> problems) {
    }
}
