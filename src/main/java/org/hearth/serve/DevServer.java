package org.hearth.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hearth.BuildCache;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Routes;
import org.hearth.render.OutputFile;
import org.hearth.render.site.SiteOutput;

/**
 * {@code hearth serve}: builds the workbook, serves the site from memory on 127.0.0.1, watches the
 * content and theme folders, rebuilds on every change and tells open pages to reload (server-sent
 * events). The reload script is added to pages only as they are served, never to the built site.
 * A broken edit keeps the last good site up and shows the problems in the terminal and on the page.
 * This class holds the served builds and wires the parts: {@link PreviewHandler} (HTTP),
 * {@link FolderWatcher} (watching), {@link RebuildScheduler} (scheduling), {@link EventStreams} (live reload).
 */
public final class DevServer implements Closeable {

    /** Where the reload script and the event stream live; no built file can be under it. */
    static final String PREFIX = "/" + Routes.SERVE_PREFIX;
    /** Live-reload streams kept open at once; a new one closes the oldest (most likely a stale tab). */
    static final int MAX_EVENT_STREAMS = 16;
    /** Threads answering requests; event streams hold none of them while they stay open. */
    static final int HTTP_THREADS = 8;
    /** How often an open event stream gets a comment line, so a closed page is noticed. */
    private static final int PING_SECONDS = 15;
    /** The JDK HTTP server's switch for TCP_NODELAY on its connections. */
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";
    /** How long a request for the PDF waits for the layout of the latest edit before being told to come back. */
    static final int PDF_WAIT_SECONDS = 120;

    private final Hearth hearth;
    private final BuildCache cache;
    private final BuildRequest request;
    private final PrintWriter log;
    private final HttpServer server;
    private final ExecutorService http;
    private final EventStreams events = new EventStreams(MAX_EVENT_STREAMS);
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hearth-ping"));
    private final FolderWatcher watcher;
    private final RebuildScheduler scheduler;
    // The site's files by their paths inside the site; a file's bytes are put together only when
    // served (a large site's search index is tens of megabytes, and most rebuilds nobody asks for it).
    private volatile Map<String, OutputFile> site = Map.of();
    // The print outputs (the PDF, a booklet, ...) by their names in the output folder.
    private volatile Map<String, byte[]> print = Map.of();
    private volatile String problems = "";
    // Rebuilds after start, while nobody edits (see watch()).
    private static final int WARM_UP_ROUNDS = 8;
    private final PrintVersions versions = new PrintVersions();

    private final RebuildTimings timings;

    /** Starts serving on {@code port} (0 picks a free one) and builds once. */
    public DevServer(Hearth hearth, BuildRequest request, int port, PrintWriter log) throws IOException {
        this(hearth, request, port, log, false);
    }

    /**
     * As above; with {@code timings}, each rebuild also logs where its time went (from the file's
     * write to the new site being served).
     */
    public DevServer(Hearth hearth, BuildRequest request, int port, PrintWriter log, boolean timings) throws IOException {
        this.timings = new RebuildTimings(log, timings);
        // One cache for the whole session: each rebuild redoes only what the edit changed.
        this.cache = new BuildCache();
        this.hearth = hearth.withCache(cache);
        this.request = request;
        this.log = log;
        Path content = request.contentDir().toAbsolutePath().normalize();
        Path templates = request.templatesDir() == null ? null : request.templatesDir().toAbsolutePath().normalize();
        this.watcher = new FolderWatcher(content, templates, log);
        this.scheduler = new RebuildScheduler(templates, request.pdf(), this::buildSite, this::layOutPdf, versions);
        // The JDK's server writes a response's head and body apart; with Nagle's algorithm on, the
        // body then waits for the client's delayed ACK, about 40 ms a request. It reads this
        // setting when its first server is made, so set it before that.
        System.setProperty(NO_DELAY, "true");
        // Loopback only: nothing on the network can reach the preview.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // A fixed pool: no page, however many connections it opens, gets more than these threads.
        String threadName = "hearth-http-" + server.getAddress().getPort();
        server.setExecutor(http = Executors.newFixedThreadPool(HTTP_THREADS, r -> daemon(r, threadName)));
        PreviewHandler handler = new PreviewHandler(name -> print.containsKey(name) ? print.get(name) : bytesOf(site.get(name)),
                events, () -> problems, name -> request.pdf() && (name.equals(Routes.PDF) || print.containsKey(name)),
                versions, PDF_WAIT_SECONDS);
        server.createContext("/", handler::handle);
        buildSite();
        if (request.pdf()) {
            versions.edited(); // no PDF yet: a request for it waits for the first layout
            buildPdf();
        }
        server.start();
        pings.scheduleAtFixedRate(() -> events.send(null, null), PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Watches the content and theme folders and rebuilds on changes, until closed. */
    public void watch() throws IOException {
        watcher.start((paths, seen) -> {
            timings.changed(paths, seen);
            // Before the rebuild is scheduled, so the rebuild looks at these paths again.
            cache.changed(paths);
            scheduler.changed(paths);
        });
        // Every change from here on is reported: a rebuild that starts after this may update its
        // last walk of the content folder path by path.
        cache.watching();
        // A fresh JVM runs a rebuild's code slowly until the JIT has compiled it: the first saves on
        // a large workbook took 0.5 s where later ones took 0.15 s. Rebuild a few times while the
        // author reads, each time as if one exercise had been saved (its output is the same).
        Path first = firstExercise();
        if (first != null && problems.isEmpty()) {
            scheduler.warmUp(WARM_UP_ROUNDS, () -> warmUp(first));
        }
    }

    /** One rebuild of the site as after a save of {@code file}, its result left unserved. */
    private void warmUp(Path file) {
        long start = System.nanoTime();
        cache.forget(file);
        try {
            hearth.render(new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(),
                    true, false, request.print(), request.overrides(), request.pinnedTime()));
        } catch (RuntimeException e) {
            return; // a file broken meanwhile: the rebuild its save starts reports it
        }
        timings.warmedUp((System.nanoTime() - start) / 1e6);
    }

    /** The content's first exercise file (named as the content loader names it), or null. */
    private Path firstExercise() {
        Path folder = request.contentDir().resolve("exercises");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().findFirst().orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static byte[] bytesOf(OutputFile file) {
        return file == null ? null : file.bytes();
    }

    /** Renders the site in memory; on success it replaces the served site and open pages reload. */
    void buildSite() {
        long start = System.nanoTime();
        try {
            Hearth.Rendered r = hearth.render(new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(),
                    true, false, request.print(), request.overrides(), request.pinnedTime()));
            Map<String, OutputFile> files = new HashMap<>();
            for (OutputFile f : r.files()) {
                files.put(f.path().substring(SiteOutput.FOLDER.length() + 1), f);
            }
            site = files;
            problems = "";
            long nanos = System.nanoTime() - start;
            log.printf("Rebuilt the site: %d pages in %d ms%n", r.sitePages(), nanos / 1_000_000);
            log.flush();
            timings.built(nanos / 1e6);
            events.send("reload", "site");
        } catch (BuildFailure f) {
            fail(f);
        } catch (RuntimeException e) {
            problems = "error: " + e.getMessage();
            log.println(problems);
            log.flush();
            events.send("problems", problems);
        }
    }

    /**
     * Lays out the PDF in the background; meanwhile a request for /workbook.pdf waits for it
     * (the last good one is served, marked stale, only when the layout fails).
     */
    void buildPdf() {
        scheduler.pdf();
    }

    private void layOutPdf() {
        long start = System.nanoTime();
        long version = versions.starting(); // before any file is read: at worst the PDF is newer than it says
        try {
            Hearth.Rendered r = hearth.render(new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(),
                    false, true, request.print(), request.overrides(), request.pinnedTime()));
            Map<String, byte[]> files = new ConcurrentHashMap<>();
            r.files().forEach(f -> files.put(f.path(), f.bytes()));
            print = files;
            versions.finished(version, true);
            log.printf("Rebuilt the PDF: %d pages in %d ms%n", r.pdfPages(), (System.nanoTime() - start) / 1_000_000);
            log.flush();
            events.send("pdf", "workbook.pdf");
        } catch (CancellationException e) {
            stopped(start);
        } catch (BuildFailure f) {
            // An interrupted read (a file channel closes on interrupt) is a stopped layout, not a problem.
            if (Thread.currentThread().isInterrupted()) {
                stopped(start);
                return;
            }
            versions.finished(version, false);
            fail(f);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                stopped(start);
                return;
            }
            versions.finished(version, false);
            log.println("error: the PDF failed: " + e.getMessage());
            log.flush();
        }
    }

    private void stopped(long start) {
        log.printf("Stopped laying out the PDF after %d ms: a newer edit supersedes it%n", (System.nanoTime() - start) / 1_000_000);
        log.flush();
    }

    private void fail(BuildFailure f) {
        String text = Diagnostics.formatNumbered(f.diagnostics());
        if (text.equals(problems)) {
            return; // the site and the PDF fail on the same problem: say it once
        }
        problems = text;
        log.print(problems);
        log.println("The last good build is still being served.");
        log.flush();
        events.send("problems", problems);
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        pings.shutdownNow();
        events.closeAll();
        server.stop(0);
        http.shutdownNow();
        watcher.close();
        scheduler.close();
    }
}
