package org.hearth.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hearth.BuildCache;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Position;
import org.hearth.diag.Severity;
import org.hearth.model.Routes;
import org.hearth.output.OutputWriter;
import org.hearth.render.OutputFile;

/**
 * Builds one workbook per person, in parallel across cores, writes each to a staging folder as it
 * finishes and swaps the good ones into {@code output/people/} in one atomic step. A person whose build fails is reported with their
 * row's line; the others are still written.
 */
public final class BatchBuilder {

    private final Hearth hearth;

    public BatchBuilder(Hearth hearth) {
        // One cache for every row: the content is read and its Markdown rendered once.
        this.hearth = hearth.withCache(new BuildCache());
    }

    /**
     * What a batch made.
     *
     * @param built how many workbooks were written
     * @param problems every problem, with the row's line for row-specific ones
     */
    public record Result(int built, List<Diagnostic> problems) {
    }

    /**
     * Builds every person's PDF (and site, when {@code base.site()}) and writes them.
     *
     * @param base the build everyone shares; its overrides are replaced by each row's
     * @param progress receives one call per finished person: done, total, slug
     */
    public Result build(BuildRequest base, List<Person> people, String peopleFile, Progress progress) throws IOException {
        List<Diagnostic> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger built = new AtomicInteger();
        int threads = Math.max(1, Math.min(people.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        // Each workbook goes to disk (in the staging folder) as soon as it is made, so memory holds
        // at most one per thread; the output folder is still replaced in one step at the end.
        try (OutputWriter.Staged staged = hearth.stage(base)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (Person p : people) {
                jobs.add(pool.submit(() -> {
                    boolean ok = true;
                    BuildRequest request = new BuildRequest(base.contentDir(), base.templatesDir(), base.outDir(), base.site(),
                            true, base.print(), p.overrides(), base.pinnedTime());
                    try {
                        for (OutputFile f : hearth.render(request).files()) {
                            // A row builds one language (its own, or the default), so its one PDF is the person's.
                            String path = f.path().matches("workbook(\\.[A-Za-z0-9-]+)?\\.pdf") ? p.slug() + ".pdf" : p.slug() + "/" + f.path();
                            staged.add(f.at(Hearth.PEOPLE + "/" + path));
                        }
                        built.incrementAndGet();
                    } catch (BuildFailure failure) {
                        ok = false;
                        for (Diagnostic d : failure.diagnostics()) {
                            problems.add(d.position().file().equals(peopleFile) ? d : new Diagnostic(d.severity(), d.position(),
                                    d.message() + " (for row " + p.line() + " of " + peopleFile + ")", d.hint()));
                        }
                        if (failure.diagnostics().stream().noneMatch(d -> d.position().file().equals(peopleFile))) {
                            problems.add(new Diagnostic(Severity.ERROR, new Position(peopleFile, p.line(), 1),
                                    "the workbook for '" + p.overrides().person().name() + "' was not built", "see the problems above"));
                        }
                    }
                    progress.update(done.incrementAndGet(), people.size(), p.slug(), ok);
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
            // Everything but people/ is kept from the previous build.
            staged.commit(hearth.outputNames(base));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("batch build interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(built.get(), List.copyOf(problems));
    }

    /** Progress reporting, so the command line can draw a bar on a terminal and plain lines elsewhere. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, String slug, boolean ok);

        /** A progress bar redrawn in place (for terminals). */
        static Progress bar(PrintWriter out) {
            return (done, total, slug, ok) -> {
                int width = 30;
                int filled = width * done / Math.max(1, total);
                synchronized (out) {
                    out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " " + slug + "   ");
                    if (done == total) {
                        out.println();
                    }
                    out.flush();
                }
            };
        }

        /** One plain line per finished person (for logs and pipes). */
        static Progress lines(PrintWriter out) {
            return (done, total, slug, ok) -> {
                synchronized (out) {
                    out.println((ok ? "built " : "failed ") + done + "/" + total + ": people/" + slug + ".pdf");
                    out.flush();
                }
            };
        }

        /** Nothing (for -q). */
        static Progress quiet() {
            return (done, total, slug, ok) -> { };
        }
    }
}
