package org.hearth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.BuildRequest;
import org.hearth.BuildResult;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.batch.BatchBuilder;
import org.hearth.batch.PeopleFile;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Edition;
import org.hearth.model.PageSize;
import org.hearth.model.PdfStandard;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.source.PathNames;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code hearth build}: builds the site and the PDF. */
@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Builds output/site/ and output/workbook.pdf from the content folder.")
public final class BuildCommand implements Callable<Integer> {

    /** What {@code --only} may name. */
    public enum Only { site, pdf }

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--only", paramLabel = "site|pdf", description = "Build only the site or only the PDF; the other keeps its previous build.")
    Only only;

    @Option(names = "--page-size", paramLabel = "SIZE", converter = PageSizeConverter.class,
            description = "Paper size for the PDF: A4, Letter, A5, half-letter or 6x9 (overrides workbook.yml).")
    PageSize pageSize;

    @Option(names = "--edition", paramLabel = "client|facilitator", converter = EditionConverter.class,
            description = "Build the client edition or the facilitator edition, which adds the notes content marks for facilitators.")
    Edition edition;

    @Option(names = "--pdf-standard", paramLabel = "ua|a2u|a2b|none", converter = PdfStandardConverter.class,
            description = "Standards the PDF meets: ua (PDF/UA-1 + PDF/A-2a, tagged; the default), a2u, a2b (PDF/A-2, untagged) "
                    + "or none. Overrides 'pdf: standard:' in workbook.yml. The booklet is never tagged.")
    PdfStandard pdfStandard;

    @Option(names = "--language", paramLabel = "TAG",
            description = "Build only this language of a project with several (workbook.yml's 'languages'), such as es.")
    String language;

    @Option(names = "--fillable", description = "Add form fields over the writing space so the PDF can be filled in on screen.")
    boolean fillable;

    @Option(names = "--booklet", description = "Also write workbook-booklet.pdf: A5 pages two-up on A4 (or half-Letter on Letter), "
            + "in saddle-stitch order, for printing double-sided and folding.")
    boolean booklet;

    @Option(names = "--fold-marks", description = "Draw a hairline fold mark at the head and foot of each booklet sheet's fold "
            + "(like 'pdf: fold_marks: true' in workbook.yml).")
    boolean foldMarks;

    @Option(names = "--right-hand", description = "Start every exercise on a right-hand page, inserting a blank page where needed.")
    boolean rightHand;

    @Option(names = "--people", paramLabel = "FILE",
            description = "Build one personalised PDF per row of this CSV file into <out>/people/<slug>.pdf (columns: name, slug, "
                    + "edition, start_date, dedication, tags, exclude_tags, language).")
    Path people;

    @Option(names = "--people-sites", description = "With --people: also build a site per person into <out>/people/<slug>/site/.")
    boolean peopleSites;

    @Option(names = "--answers", paramLabel = "FILE",
            description = "Build a keepsake: " + org.hearth.answers.AnswersOptions.KEEPSAKE + " with the answers in FILE (the site's JSON "
                    + "export or a filled fillable PDF) printed in place of the empty lines; with --fillable, "
                    + org.hearth.answers.AnswersOptions.FILLED + " with the answers in its fields. The site is not built.")
    Path answers;

    @Option(names = "--answered-only", description = "With --answers: leave out prompts and writing spaces without an answer.")
    boolean answeredOnly;

    @Option(names = "--answers-any-workbook", description = "With --answers: accept answers exported from another workbook.")
    boolean answersAnyWorkbook;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print stack traces for internal errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Path cwd = Path.of("").toAbsolutePath();
        if ((answeredOnly || answersAnyWorkbook) && answers == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--answered-only and --answers-any-workbook need --answers FILE");
        }
        if (answers != null && people != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--answers and --people cannot be used together");
        }
        try {
            BuildRequest request = new BuildRequest(project.content, project.templates, out, only != Only.pdf, only != Only.site,
                    new PrintOptions(pageSize, fillable, booklet, rightHand, pdfStandard, foldMarks), new Overrides(edition, null, List.of(), List.of()).withLanguage(language),
                    BuildRequest.sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH")));
            if (people != null) {
                return batch(new Hearth(cwd), request, cwd, stdout, stderr);
            }
            boolean terminal = System.console() != null;
            long started = System.nanoTime();
            // On a terminal one status line is redrawn in place; elsewhere each stage is a plain line.
            Hearth hearth = new Hearth(cwd, quiet ? stage -> { } : terminal
                    ? stage -> {
                        stderr.printf(Locale.ROOT, "\r\033[K%4.1f s  %s…", (System.nanoTime() - started) / 1e9, stage);
                        stderr.flush();
                    }
                    : stage -> {
                        stdout.println("hearth: " + stage);
                        stdout.flush();
                    });
            BuildResult result;
            try {
                result = answers != null
                        ? hearth.keepsake(request, new org.hearth.answers.AnswersOptions(answers, answeredOnly, answersAnyWorkbook))
                        : hearth.build(request);
            } finally {
                if (terminal && !quiet) {
                    stderr.print("\r\033[K");
                    stderr.flush();
                }
            }
            if (!quiet) {
                if (!result.warnings().isEmpty()) {
                    stderr.print(Diagnostics.formatNumbered(result.warnings()));
                }
                stdout.println(summary(result));
            }
            return ExitCode.OK;
        } catch (BuildFailure failure) {
            stderr.print(Diagnostics.formatNumbered(failure.diagnostics()));
            long errors = failure.diagnostics().stream().filter(x -> x.severity() == org.hearth.diag.Severity.ERROR).count();
            stderr.println("Build failed: " + errors + (errors == 1 ? " error" : " errors") + ". " + out + " was not changed.");
            stderr.flush();
            return ExitCode.CONTENT;
        } catch (IOException | RuntimeException e) {
            stderr.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            if (verbose) {
                e.printStackTrace(stderr);
            } else {
                stderr.println("Run again with -v for details. " + out + " was not changed.");
            }
            stderr.flush();
            return ExitCode.INTERNAL;
        }
    }

    private int batch(Hearth hearth, BuildRequest request, Path cwd, PrintWriter stdout, PrintWriter stderr) throws IOException {
        long start = System.nanoTime();
        PathNames names = new PathNames(cwd);
        Diagnostics rowProblems = new Diagnostics();
        List<org.hearth.batch.Person> rows = new PeopleFile(names).read(people, rowProblems);
        BuildRequest base = new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(), peopleSites, true,
                request.print(), request.overrides(), request.pinnedTime());
        BatchBuilder.Progress progress = quiet ? BatchBuilder.Progress.quiet()
                : System.console() != null ? BatchBuilder.Progress.bar(stderr) : BatchBuilder.Progress.lines(stdout);
        BatchBuilder.Result result = new BatchBuilder(hearth).build(base, rows, names.display(people), progress);
        List<org.hearth.diag.Diagnostic> problems = new java.util.ArrayList<>(rowProblems.list());
        problems.addAll(result.problems());
        if (!problems.isEmpty()) {
            stderr.print(Diagnostics.formatNumbered(problems));
        }
        if (!quiet || !problems.isEmpty()) {
            int failed = rows.size() - result.built() + (int) rowProblems.list().stream()
                    .filter(x -> x.severity() == org.hearth.diag.Severity.ERROR).map(x -> x.position().line()).distinct().count();
            stdout.println(String.format(Locale.ROOT, "Built %d of %d workbooks in %.1f s → %s/people/", result.built(),
                    result.built() + failed, (System.nanoTime() - start) / 1e9, out));
        }
        stdout.flush();
        stderr.flush();
        return problems.stream().anyMatch(x -> x.severity() == org.hearth.diag.Severity.ERROR) ? ExitCode.CONTENT : ExitCode.OK;
    }

    private String summary(BuildResult r) {
        StringBuilder s = new StringBuilder("Built ");
        if (r.siteFiles() > 0) {
            s.append(r.sitePages()).append(" site pages");
        }
        if (r.pdfs().size() > 1) {
            // One PDF per language: each its own length (their sum is no book's).
            s.append(r.siteFiles() > 0 ? " and " : "");
            s.append(String.join(", ", r.pdfs().stream().map(p -> p.file() + " (" + p.pages() + " pages)").toList()));
            if (r.pdfStandard() != null) {
                s.append(", each ").append(r.pdfStandard().title()).append(',');
            }
        } else if (r.pdfPages() > 0) {
            s.append(r.siteFiles() > 0 ? " and " : "").append("a ").append(r.pdfPages()).append("-page PDF");
            if (r.pdfStandard() != null) {
                s.append(" (").append(r.pdfStandard().title()).append(')');
            }
        }
        s.append(" in ").append(String.format(Locale.ROOT, "%.1f s", r.time().toMillis() / 1000.0))
                .append(" → ").append(out).append('/');
        return s.toString();
    }

    /** Parses a word from a fixed set case-insensitively, naming the choices when it is not one of them. */
    private abstract static class LabelConverter<T> implements ITypeConverter<T> {
        private final String what;
        private final java.util.Map<String, T> choices;

        LabelConverter(String what, java.util.Map<String, T> choices) {
            this.what = what;
            this.choices = choices;
        }

        @Override
        public T convert(String value) {
            T found = choices.get(value.toLowerCase(Locale.ROOT));
            if (found == null) {
                throw new TypeConversionException("unknown " + what + " '" + value + "' (use " + String.join(", ", choices.keySet()) + ")");
            }
            return found;
        }
    }

    /** Parses editions. */
    static final class EditionConverter extends LabelConverter<Edition> {
        EditionConverter() {
            super("edition", Edition.byLabel());
        }
    }

    /** Parses page sizes. */
    static final class PdfStandardConverter extends LabelConverter<PdfStandard> {
        PdfStandardConverter() {
            super("PDF standard", PdfStandard.byLabel());
        }
    }

    static final class PageSizeConverter extends LabelConverter<PageSize> {
        PageSizeConverter() {
            super("page size", PageSize.byLabel());
        }
    }
}
