package org.hearth.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.cli.Main;
import org.hearth.render.pdf.PrintOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other sites cannot read the preview, and open event streams cannot exhaust the server (over real HTTP). */
class DevServerIsolationTest {

    @TempDir
    Path dir;

    private DevServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        Path project = dir.resolve("p");
        assertEquals(0, Main.run(new String[] {"init", project.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        BuildRequest request = new BuildRequest(project.resolve("content"), project.resolve("templates"), project.resolve("output"),
                true, false, PrintOptions.DEFAULT, Overrides.NONE, null);
        server = new DevServer(new Hearth(project), request, 0, new PrintWriter(new StringWriter(), true));
        port = server.port();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** One raw request with extra header lines; returns the whole response. */
    private String request(String path, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            StringBuilder r = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
            for (String h : headers) {
                r.append(h).append("\r\n");
            }
            s.getOutputStream().write(r.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String header(String response, String name) {
        for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
            if (line.toLowerCase().startsWith(name.toLowerCase() + ":")) {
                return line.substring(name.length() + 1).strip();
            }
        }
        return null;
    }

    /** The site path of an asset under its content-hashed name, from the build's asset manifest. */
    private String asset(String name) throws IOException {
        String manifest = request("/asset-manifest.json");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(name) + "\": \"([^\"]+)\"").matcher(manifest);
        assertTrue(m.find(), name + " is not in the manifest:\n" + manifest);
        return "/" + m.group(1);
    }

    @Test
    void everyResponseIsSameOriginOnly() throws IOException {
        for (String path : new String[] {"/", asset("search-index.js"), asset("site.css"), "/nope.html", "/__hearth/reload.js"}) {
            String response = request(path);
            assertEquals("same-origin", header(response, "Cross-Origin-Resource-Policy"), path + "\n" + response);
        }
        String refused = request("/", "Host: evil.example");
        assertEquals("same-origin", header(refused, "Cross-Origin-Resource-Policy"), "refusals too");
    }

    @Test
    void requestsFromAnotherSiteAreRefused() throws IOException {
        assertTrue(request(asset("search-index.js"), "Sec-Fetch-Site: cross-site", "Sec-Fetch-Mode: no-cors", "Sec-Fetch-Dest: script")
                .startsWith("HTTP/1.1 403"), "another site cannot include the search index");
        assertTrue(request("/__hearth/events", "Sec-Fetch-Site: cross-site").startsWith("HTTP/1.1 403"));
        assertTrue(request("/", "Sec-Fetch-Site: same-site").startsWith("HTTP/1.1 403"), "another port on localhost is another site too");
        assertTrue(request(asset("search-index.js"), "Sec-Fetch-Site: same-origin").startsWith("HTTP/1.1 200"));
        assertTrue(request("/", "Sec-Fetch-Site: none", "Sec-Fetch-Mode: navigate").startsWith("HTTP/1.1 200"), "typed into the address bar");
        assertTrue(request("/").startsWith("HTTP/1.1 200"), "a client that sends no Sec-Fetch headers");
    }

    @Test
    void eventStreamsAreBoundedAndTheServerKeepsAnswering() throws Exception {
        List<Socket> streams = new ArrayList<>();
        try {
            int opened = DevServer.MAX_EVENT_STREAMS * 3;
            for (int i = 0; i < opened; i++) {
                Socket s = new Socket("127.0.0.1", port);
                s.setSoTimeout(10_000);
                s.getOutputStream().write(("GET /__hearth/events HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                streams.add(s);
                readUntil(s.getInputStream(), "event: hello");
            }
            // The server still answers ordinary requests at once.
            assertTrue(request("/").startsWith("HTTP/1.1 200"));
            // The oldest streams were closed to make room; the newest stay open.
            int closed = 0;
            for (Socket s : streams) {
                s.setSoTimeout(300);
                try {
                    if (drainsToEnd(s.getInputStream())) {
                        closed++;
                    }
                } catch (SocketTimeoutException e) {
                    // still open
                }
            }
            assertEquals(opened - DevServer.MAX_EVENT_STREAMS, closed, "only the newest " + DevServer.MAX_EVENT_STREAMS + " streams stay open");
            long httpThreads = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("hearth-http-" + port)).count();
            assertTrue(httpThreads <= DevServer.HTTP_THREADS, "a bounded pool of request threads, not one per stream: " + httpThreads);
        } finally {
            for (Socket s : streams) {
                s.close();
            }
        }
    }

    private static void readUntil(InputStream in, String text) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(text)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream ended before '" + text + "': " + seen);
            }
            seen.append((char) b);
        }
    }

    /** Reads what is left; true when the server ended the stream. */
    private static boolean drainsToEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[4096];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return true;
            }
        }
    }
}
