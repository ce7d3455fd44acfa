package org.hearth.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.hearth.model.Routes;

/**
 * The preview's HTTP side: answers only loopback names and same-origin requests, serves built
 * files from memory with the reload script added to pages, and opens live-reload streams.
 */
final class PreviewHandler {

    private static final Pattern ALLOWED_HOST = Pattern.compile("(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("pdf", "application/pdf"), Map.entry("ttf", "font/ttf"), Map.entry("woff2", "font/woff2"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"));

    /** The response header saying whether a served PDF includes every edit ("current") or not ("stale"). */
    static final String PDF_STATE = "X-Hearth-Pdf";

    private final Function<String, byte[]> files;
    private final EventStreams events;
    private final Supplier<String> problems;
    private final Predicate<String> isPrint;
    private final PrintVersions versions;
    private final int printWaitSeconds;

    /**
     * @param files the built file at a path (without the leading '/'), or null
     * @param problems the last build's problems, for a new event stream
     * @param isPrint whether a path is a print output (the PDF), which may be still being laid out
     * @param versions whether the print outputs include every edit
     * @param printWaitSeconds how long a request for a print output waits for its layout
     */
    PreviewHandler(Function<String, byte[]> files, EventStreams events, Supplier<String> problems, Predicate<String> isPrint,
            PrintVersions versions, int printWaitSeconds) {
        this.files = files;
        this.events = events;
        this.problems = problems;
        this.isPrint = isPrint;
        this.versions = versions;
        this.printWaitSeconds = printWaitSeconds;
    }

    void handle(HttpExchange ex) throws IOException {
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
        if (path.equals(DevServer.PREFIX + "events")) {
            events.open(ex, problems);
            return true;
        }
        if (path.equals(DevServer.PREFIX + "reload.js")) {
            respond(ex, 200, TYPES.get("js"), ReloadScript.JS.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        String name = path.equals("/") ? Routes.HOME : path.substring(1);
        if (name.endsWith("/")) {
            name += Routes.HOME;
        }
        if (isPrint.test(name)) {
            // The PDF is laid out after the site: wait for the layout of the latest edit rather
            // than hand out an older PDF as if it were current.
            PrintVersions.State state;
            try {
                state = versions.await(printWaitSeconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (state == PrintVersions.State.BEING_REMADE) {
                ex.getResponseHeaders().set("Retry-After", "5");
                respond(ex, 503, "text/plain; charset=utf-8",
                        "The PDF is being laid out again after your last edit. Try again in a moment.\n".getBytes(StandardCharsets.UTF_8));
                return false;
            }
            // Stale only when the latest layout failed: the problems are shown in the terminal and on pages.
            ex.getResponseHeaders().set(PDF_STATE, state == PrintVersions.State.CURRENT ? "current" : "stale");
        }
        byte[] body = files.apply(name);
        if (body == null) {
            byte[] notFound = files.apply(Routes.NOT_FOUND);
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
}
