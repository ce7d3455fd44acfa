package org.hearth.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A built site served on loopback under a subpath ({@code /workbook/}), as on a host that puts the
 * workbook in a folder; what a test needs of a host (its 404 page, its headers, no network) is set
 * before {@link #start()}.
 */
public final class LoopbackSite implements AutoCloseable {

    /** The folder the site is served under. */
    public static final String PREFIX = "/workbook/";

    private final Path root;
    private String notFoundPage;
    private BooleanSupplier offline = () -> false;
    private BiConsumer<String, Headers> headers = (path, h) -> { };
    private Consumer<String> requests = path -> { };
    private HttpServer server;

    /** @param root the built site's folder */
    public LoopbackSite(Path root) {
        this.root = root;
    }

    /** A missing file gets this page of the site with status 404, at any depth, as static hosts do. */
    public LoopbackSite notFoundPage(String page) {
        this.notFoundPage = page;
        return this;
    }

    /** While {@code when} holds, every request gets a 503: as good as no network. */
    public LoopbackSite offlineWhile(BooleanSupplier when) {
        this.offline = when;
        return this;
    }

    /** Adds response headers for a request path (the host's own rules). */
    public LoopbackSite headers(BiConsumer<String, Headers> rules) {
        this.headers = rules;
        return this;
    }

    /** Told the path of every request, in order. */
    public LoopbackSite onRequest(Consumer<String> listener) {
        this.requests = listener;
        return this;
    }

    /** Starts serving on a free loopback port. */
    public LoopbackSite start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(PREFIX, ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                requests.accept(path);
                if (offline.getAsBoolean()) {
                    ex.sendResponseHeaders(503, -1);
                    return;
                }
                Path file = root.resolve(path.substring(PREFIX.length())).normalize();
                int status = 200;
                if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                    if (notFoundPage == null) {
                        ex.sendResponseHeaders(404, -1);
                        return;
                    }
                    file = root.resolve(notFoundPage);
                    status = 404;
                }
                headers.accept(path, ex.getResponseHeaders());
                ex.getResponseHeaders().set("Content-Type", contentType(file.getFileName().toString()));
                byte[] body = Files.readAllBytes(file);
                ex.sendResponseHeaders(status, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        return this;
    }

    /** The built site's folder. */
    public Path root() {
        return root;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address of {@code page} (a path inside the site, "" for its folder). */
    public String url(String page) {
        return "http://127.0.0.1:" + port() + PREFIX + page;
    }

    static String contentType(String name) {
        return name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".css") ? "text/css"
                : name.endsWith(".js") ? "text/javascript"
                : name.endsWith(".webmanifest") ? "application/manifest+json"
                : name.endsWith(".woff2") ? "font/woff2"
                : name.endsWith(".svg") ? "image/svg+xml"
                : name.endsWith(".png") ? "image/png"
                : "application/octet-stream";
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
