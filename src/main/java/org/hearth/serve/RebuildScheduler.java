package org.hearth.serve;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Decides what an edit rebuilds and when: the site first (one build waiting at most), then the
 * PDF in the background (one layout waiting at most); a site template leaves the PDF alone and a
 * print template the site.
 */
final class RebuildScheduler {

    private final ExecutorService builds = Executors.newSingleThreadExecutor(r -> DevServer.daemon(r, "hearth-build"));
    private final ExecutorService pdfBuilds = Executors.newSingleThreadExecutor(r -> DevServer.daemon(r, "hearth-pdf"));
    private final AtomicBoolean pdfQueued = new AtomicBoolean();
    private final AtomicBoolean siteQueued = new AtomicBoolean();
    private final AtomicBoolean pdfAfterSite = new AtomicBoolean();
    private final Path templates;
    private final boolean pdf;
    private final Runnable buildSite;
    private final Runnable buildPdf;

    /**
     * @param templates the theme folder, or null
     * @param pdf whether the PDF is served
     */
    RebuildScheduler(Path templates, boolean pdf, Runnable buildSite, Runnable buildPdf) {
        this.templates = templates;
        this.pdf = pdf;
        this.buildSite = buildSite;
        this.buildPdf = buildPdf;
    }

    /** Schedules what the changed paths affect. */
    void changed(Set<Path> changed) {
        boolean templatesOnly = templates != null && changed.stream().allMatch(p -> p.startsWith(templates));
        boolean siteTemplatesOnly = templatesOnly && changed.stream().allMatch(p -> p.toString().contains("/site/"));
        boolean pdfTemplatesOnly = templatesOnly && changed.stream().allMatch(p -> p.toString().contains("/pdf/"));
        // Rebuild only what the edit affects: a site template leaves the PDF alone and vice versa.
        // The site goes first and has both cores (it re-renders only the pages the edit
        // changed, in tens of milliseconds); then the PDF is laid out in the background.
        boolean pdfToo = pdf && !siteTemplatesOnly;
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

    /** Lays out the PDF in the background, unless a layout is already waiting. */
    void pdf() {
        // A big PDF takes longer than the gap between saves: keep at most one layout waiting (it
        // reads the files when it starts, so it includes every edit made before then).
        if (!pdfQueued.compareAndSet(false, true)) {
            return;
        }
        pdfBuilds.submit(() -> {
            pdfQueued.set(false);
            buildPdf.run();
        });
    }

    /** Stops scheduling; a build under way is interrupted. */
    void close() {
        builds.shutdownNow();
        pdfBuilds.shutdownNow();
    }
}
