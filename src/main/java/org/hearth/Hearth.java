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
        if (!request.pdf()) {
            keep.add("workbook.pdf");
            keep.add(PdfRenderer.BOOKLET);
        }
        keep.add(PEOPLE); // batch builds live beside the main build and are replaced only by batch builds
        progress.accept("writing " + request.outDir());
        write(request, rendered.files(), keep);
        return new BuildResult(rendered.warnings(), rendered.sitePages(), rendered.siteFiles(), rendered.pdfPages(),
                Duration.ofNanos(System.nanoTime() - start), rendered.pdfStandard());
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
        progress.accept("reading content");
        Workbook workbook = prepare(request, d);
        LoadedTheme loaded = theme(request.templatesDir());
        progress.accept("reading the answers");
        org.hearth.answers.AnswerSheet sheet = new org.hearth.answers.AnswersInput(names::display, time(request)).sheet(options, workbook, d);
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
                PdfRenderer.standard(workbook, request.print()));
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
        Workbook workbook = prepare(request, d);
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
        List<OutputFile> site = request.site() ? new SiteRenderer(templates, theme, siteMemo).render(workbook) : List.of();
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
        } catch (BuildFailure f) {
            // Failures from the stages already hold everything collected in d; template failures do not.
            List<Diagnostic> seen = d.list();
            f.diagnostics().stream().filter(x -> !seen.contains(x)).forEach(x -> d.addAll(List.of(x)));
        }
        return d.list();
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
        WorkbookConfig config = loadConfig(request, d);
        Content content = loadContent(request, d);
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
