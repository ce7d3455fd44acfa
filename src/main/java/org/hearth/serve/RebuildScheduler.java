package org.hearth.serve;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides what an edit rebuilds and when: the site first (one build waiting at most), then the
 * PDF in the background (one layout waiting at most); a site template leaves the PDF alone and a
 * print template the site. An edit stops a PDF layout under way at once (it would be stale), so
 * the site rebuild has both cores; the PDF is laid out again after the site.
 */
final class RebuildScheduler {

    private final ExecutorService builds = Executors.newSingleThreadExecutor(r -> DevServer.daemon(r, "hearth-build"));
    private final ExecutorService pdfBuilds = Executors.newSingleThreadExecutor(r -> DevServer.daemon(r, "hearth-pdf"));
    private final AtomicBoolean siteQueued = new AtomicBoolean();
    private final AtomicBoolean pdfAfterSite = new AtomicBoolean();
    // Whether any edit has come: warming up stops then.
    private final AtomicBoolean edited = new AtomicBoolean();
    private final Path templates;
    private final boolean pdf;
    private final Runnable buildSite;
    private final Runnable buildPdf;
    private final PrintVersions versions;
    // The PDF layout waiting or under way, if any (guarded by this).
    private Future<?> pdfJob;

    /**
     * @param templates the theme folder, or null
     * @param pdf whether the PDF is served
     * @param versions told of every edit that changes the PDF
     */
    RebuildScheduler(Path templates, boolean pdf, Runnable buildSite, Runnable buildPdf, PrintVersions versions) {
        this.templates = templates;
        this.pdf = pdf;
        this.buildSite = buildSite;
        this.buildPdf = buildPdf;
        this.versions = versions;
    }

    /**
     * Runs {@code round} up to {@code rounds} times on the build thread, stopping at the first
     * edit: rebuilds nobody waits for, so the JIT compiles the rebuild path before the first save
     * needs it. An edit waits for at most the round under way.
     */
    void warmUp(int rounds, Runnable round) {
        builds.submit(() -> {
            for (int i = 0; i < rounds && !edited.get() && !Thread.currentThread().isInterrupted(); i++) {
                round.run();
            }
        });
    }

    /** Schedules what the changed paths affect. */
    void changed(Set<Path> changed) {
        edited.set(true);
        boolean templatesOnly = templates != null && changed.stream().allMatch(p -> p.startsWith(templates));
        boolean siteTemplatesOnly = templatesOnly && changed.stream().allMatch(p -> p.toString().contains("/site/"));
        boolean pdfTemplatesOnly = templatesOnly && changed.stream().allMatch(p -> p.toString().contains("/pdf/"));
        // Rebuild only what the edit affects: a site template leaves the PDF alone and vice versa.
        // The site goes first and has both cores (it re-renders only the pages the edit
        // changed, in tens of milliseconds); then the PDF is laid out in the background.
        boolean pdfToo = pdf && !siteTemplatesOnly;
        if (pdfToo) {
            // The PDF being laid out no longer shows the files: say so, and stop it, so it neither
            // holds a core the site rebuild needs nor gets served as current.
            versions.edited();
            stopPdf();
        }
        if (pdfTemplatesOnly) {
            if (pdfToo) {
                pdf();
            }
            return;
        }
        if (pdfToo) {
            pdfAfterSite.set(true);
        }
        // At most one site build waits: it reads the files when it starts, so it has every edit.
        if (siteQueued.compareAndSet(false, true)) {
            builds.submit(() -> {
                siteQueued.set(false);
                boolean pdfNext = pdfAfterSite.getAndSet(false);
                buildSite.run();
                if (pdfNext) {
                    pdf();
                }
            });
        }
    }

    /** Lays out the PDF in the background, in place of any layout waiting or under way. */
    synchronized void pdf() {
        stopPdf();
        // On one thread: a stopped layout ends (at its next look at the interrupt) before this starts.
        pdfJob = pdfBuilds.submit(buildPdf);
    }

    /** Interrupts the PDF layout under way (it stops at its next run of text or page) and drops one waiting. */
    private synchronized void stopPdf() {
        if (pdfJob != null) {
            pdfJob.cancel(true);
            pdfJob = null;
        }
    }

    /** Stops scheduling; a build under way is interrupted. */
    void close() {
        builds.shutdownNow();
        pdfBuilds.shutdownNow();
    }
}
