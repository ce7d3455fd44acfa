package org.hearth.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    /** How long the folders must be quiet after a change before a rebuild starts. */
    private static final int QUIET_MS = 20;
    private static final Pattern ALLOWED_HOST = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("pdf", "application/pdf"), Map.entry("ttf", "font/ttf"), Map.entry("woff2", "font/woff2"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"));

    private final Hearth hearth;
    private final BuildRequest request;
    private final PrintWriter log;
    private final Path content;
    private final Path templates;
    private final HttpServer server;
    private final ExecutorService http;
    private final ExecutorService builds = Executors.newSingleThreadExecutor(r -> daemon(r, "hearth-build"));
    private final ExecutorService pdfBuilds = Executors.newSingleThreadExecutor(r -> daemon(r, "hearth-pdf"));
    // Open event streams, oldest first; bounded by MAX_EVENT_STREAMS.
    private final Deque<EventStream> listeners = new ConcurrentLinkedDeque<>();
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "hearth-ping"));
    private volatile Map<String, byte[]> site = Map.of();
    // The print outputs (the PDF, a booklet, ...) by their names in the output folder.
    private volatile Map<String, byte[]> print = Map.of();
    private final AtomicBoolean pdfQueued = new AtomicBoolean();
    private final AtomicBoolean siteQueued = new AtomicBoolean();
    private final AtomicBoolean pdfAfterSite = new AtomicBoolean();
    private volatile String problems = "";
    private WatchService watcher;
    private Thread watchThread;

    /** Starts serving on {@code port} (0 picks a free one) and builds once. */
    public DevServer(Hearth hearth, BuildRequest request, int port, PrintWriter log) throws IOException {
        // One cache for the whole session: each rebuild redoes only what the edit changed.
        this.hearth = hearth.withCache(new BuildCache());
        this.request = request;
        this.log = log;
        this.content = request.contentDir().toAbsolutePath().normalize();
        this.templates = request.templatesDir() == null ? null : request.templatesDir().toAbsolutePath().normalize();
        // Loopback only: nothing on the network can reach the preview.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        // A fixed pool: no page, however many connections it opens, gets more than these threads.
        String threadName = "hearth-http-" + server.getAddress().getPort();
        server.setExecutor(http = Executors.newFixedThreadPool(HTTP_THREADS, r -> daemon(r, threadName)));
        server.createContext("/", this::handle);
        buildSite();
        if (request.pdf()) {
            buildPdf();
        }
        server.start();
        pings.scheduleAtFixedRate(() -> send(null, null), PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Watches the content and theme folders and rebuilds on changes, until closed. */
    public void watch() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        register(content);
        if (templates != null) {
            if (Files.isDirectory(templates)) {
                register(templates);
            } else if (templates.getParent() != null && Files.isDirectory(templates.getParent())) {
                // No theme folder yet: watch where it would appear, so a new override is seen at once.
                templates.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            }
        }
        watchThread = daemon(this::watchLoop, "hearth-watch");
        watchThread.start();
    }

    private void register(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Set<Path> changed = new HashSet<>();
                collect(key, changed);
                // Editors save in bursts (temp file, rename, touch), all within a few milliseconds:
                // wait for a short quiet spell so a half-written file is not read.
                WatchKey more;
                while ((more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    collect(more, changed);
                }
                // Only the content and theme folders matter (the folder above is watched for the theme
                // folder's creation, and other things, such as a build's output, change there too).
                changed.removeIf(p -> !p.startsWith(content) && (templates == null || !p.startsWith(templates)));
                if (changed.isEmpty()) {
                    continue;
                }
                for (Path p : changed) {
                    if (Files.isDirectory(p)) {
                        register(p);
                    }
                }
                boolean templatesOnly = templates != null && changed.stream().allMatch(p -> p.startsWith(templates));
                boolean siteTemplatesOnly = templatesOnly && changed.stream().allMatch(p -> p.toString().contains("/site/"));
                boolean pdfTemplatesOnly = templatesOnly && changed.stream().allMatch(p -> p.toString().contains("/pdf/"));
                // Rebuild only what the edit affects: a site template leaves the PDF alone and vice versa.
                // The site goes first and has both cores (it re-renders only the pages the edit
                // changed, in tens of milliseconds); then the PDF is laid out in the background.
                boolean pdfToo = request.pdf() && !siteTemplatesOnly;
                if (pdfTemplatesOnly) {
                    if (pdfToo) {
                        buildPdf();
                    }
                    continue;
                }
                if (pdfToo) {
                    pdfAfterSite.set(true);
                }
                // At most one site build waits: it reads the files when it starts, so it has every edit.
                if (siteQueued.compareAndSet(false, true)) {
                    builds.submit(() -> {
                        siteQueued.set(false);
                        boolean pdfNext = pdfAfterSite.getAndSet(false);
                        buildSite();
                        if (pdfNext) {
                            buildPdf();
                        }
                    });
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.println("error: stopped watching for changes: " + e.getMessage());
            log.flush();
        }
    }

    private static void collect(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        key.pollEvents().forEach(e -> {
            if (e.context() instanceof Path p) {
                changed.add(dir.resolve(p).toAbsolutePath().normalize());
            }
        });
        key.reset();
    }

    /** Renders the site in memory; on success it replaces the served site and open pages reload. */
    void buildSite() {
        long start = System.nanoTime();
        try {
            Hearth.Rendered r = hearth.render(new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(),
                    true, false, request.print(), request.overrides(), request.pinnedTime()));
            Map<String, byte[]> files = new ConcurrentHashMap<>();
            for (OutputFile f : r.files()) {
                files.put(f.path().substring(SiteOutput.FOLDER.length() + 1), f.bytes());
            }
            site = files;
            problems = "";
            log.printf("Rebuilt the site: %d pages in %d ms%n", r.sitePages(), (System.nanoTime() - start) / 1_000_000);
            log.flush();
            send("reload", "site");
        } catch (BuildFailure f) {
            fail(f);
        } catch (RuntimeException e) {
            problems = "error: " + e.getMessage();
            log.println(problems);
            log.flush();
            send("problems", problems);
        }
    }

    /** Lays out the PDF in the background; the last good one stays at /workbook.pdf meanwhile. */
    void buildPdf() {
        // A big PDF takes longer than the gap between saves: keep at most one layout waiting (it
        // reads the files when it starts, so it includes every edit made before then).
        if (!pdfQueued.compareAndSet(false, true)) {
            return;
        }
        pdfBuilds.submit(() -> {
            pdfQueued.set(false);
            long start = System.nanoTime();
            try {
                Hearth.Rendered r = hearth.render(new BuildRequest(request.contentDir(), request.templatesDir(), request.outDir(),
                        false, true, request.print(), request.overrides(), request.pinnedTime()));
                Map<String, byte[]> files = new ConcurrentHashMap<>();
                r.files().forEach(f -> files.put(f.path(), f.bytes()));
                print = files;
                log.printf("Rebuilt the PDF: %d pages in %d ms%n", r.pdfPages(), (System.nanoTime() - start) / 1_000_000);
                log.flush();
                send("pdf", "workbook.pdf");
            } catch (BuildFailure f) {
                fail(f);
            } catch (RuntimeException e) {
                log.println("error: the PDF failed: " + e.getMessage());
                log.flush();
            }
        });
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
        send("problems", problems);
    }

    private void handle(HttpExchange ex) throws IOException {
        boolean keepOpen = false;
        try {
            keepOpen = answer(ex);
        } finally {
            if (!keepOpen) {
                ex.close();
            }
        }
    }

    /** Answers one request; true when it became an event stream that stays open. */
    private boolean answer(HttpExchange ex) throws IOException {
        String host = ex.getRequestHeaders().getFirst("Host");
        // A page on another site could point a DNS name at 127.0.0.1; only loopback names are served.
        if (host == null || !ALLOWED_HOST.matcher(host).matches()) {
            respond(ex, 403, "text/plain; charset=utf-8", "Forbidden: this preview only answers to localhost.\n".getBytes(StandardCharsets.UTF_8));
            return false;
        }
        // Browsers say where a request comes from: a page on any other site (another port on
        // localhost is another site too) must not read the preview, its search index or events.
        String from = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (from != null && !from.equals("same-origin") && !from.equals("none")) {
            respond(ex, 403, "text/plain; charset=utf-8",
                    "Forbidden: the preview only answers its own pages. Open it by typing its address.\n".getBytes(StandardCharsets.UTF_8));
            return false;
        }
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
            respond(ex, 405, "text/plain; charset=utf-8", "Only GET.\n".getBytes(StandardCharsets.UTF_8));
            return false;
        }
        String raw = ex.getRequestURI().getRawPath();
        String path = URI.create(raw).getPath();
        if (path.contains("..") || path.contains("\\") || path.contains("\0")) {
            respond(ex, 400, "text/plain; charset=utf-8", "Bad path.\n".getBytes(StandardCharsets.UTF_8));
            return false;
        }
        if (path.equals(PREFIX + "events")) {
            events(ex);
            return true;
        }
        if (path.equals(PREFIX + "reload.js")) {
            respond(ex, 200, TYPES.get("js"), ReloadScript.JS.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        String name = path.equals("/") ? Routes.HOME : path.substring(1);
        if (name.endsWith("/")) {
            name += Routes.HOME;
        }
        byte[] body = print.containsKey(name) ? print.get(name) : site.get(name);
        if (body == null) {
            byte[] notFound = site.get(Routes.NOT_FOUND);
            respond(ex, 404, TYPES.get("html"), notFound == null ? "Not found".getBytes(StandardCharsets.UTF_8) : ReloadScript.inject(notFound));
            return false;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        if (ext.equals("svg")) {
            // Opened on its own, an SVG is a document: let it show, never run anything.
            ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        }
        respond(ex, 200, TYPES.getOrDefault(ext, "application/octet-stream"), ext.equals("html") ? ReloadScript.inject(body) : body);
        return false;
    }

    private static void respond(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // Only the preview's own pages may load its files (not a page elsewhere including search-index.js).
        ex.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            ex.getResponseBody().write(body);
        }
    }

    /** An open server-sent event stream. */
    private record EventStream(HttpExchange exchange, OutputStream out) {
        void close() {
            exchange.close();
        }
    }

    /**
     * Opens a server-sent event stream and returns at once: the stream stays open without holding a
     * thread (the ping task and the builds write to it). At most {@link #MAX_EVENT_STREAMS} stay open.
     */
    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Cross-Origin-Resource-Policy", "same-origin");
        // A stream has its connection to itself: closing the stream (to make room) ends the connection.
        ex.getResponseHeaders().set("Connection", "close");
        ex.sendResponseHeaders(200, 0);
        EventStream stream = new EventStream(ex, ex.getResponseBody());
        write(stream.out(), "hello", "connected");
        if (!problems.isEmpty()) {
            write(stream.out(), "problems", problems);
        }
        listeners.addLast(stream);
        while (listeners.size() > MAX_EVENT_STREAMS) {
            EventStream oldest = listeners.pollFirst();
            if (oldest != null) {
                oldest.close();
            }
        }
    }

    /** Sends an event to every open stream, or a keep-alive comment when {@code event} is null. */
    private void send(String event, String data) {
        for (EventStream stream : listeners) {
            try {
                if (event == null) {
                    synchronized (stream.out()) {
                        stream.out().write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
                        stream.out().flush();
                    }
                } else {
                    write(stream.out(), event, data);
                }
            } catch (IOException e) {
                listeners.remove(stream); // the page went away
                stream.close();
            }
        }
    }

    private static void write(OutputStream out, String event, String data) throws IOException {
        StringBuilder s = new StringBuilder("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            s.append("data: ").append(line).append('\n');
        }
        synchronized (out) {
            out.write(s.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        pings.shutdownNow();
        listeners.forEach(EventStream::close);
        listeners.clear();
        server.stop(0);
        http.shutdownNow();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        builds.shutdownNow();
        pdfBuilds.shutdownNow();
    }
}
