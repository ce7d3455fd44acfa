package org.hearth.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.cli.Main;
import org.hearth.render.pdf.PrintOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the preview server for real on a free port and talks HTTP to it. */
class DevServerTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A raw request, so the Host header and the path are sent exactly as written. */
    private static String raw(int port, String path, String host) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesRebuildsReloadsAndRefusesWhatItShould() throws Exception {
        Path project = dir.resolve("p");
        assertEquals(0, Main.run(new String[] {"init", project.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        Path content = project.resolve("content");
        BuildRequest request = new BuildRequest(content, project.resolve("templates"), project.resolve("output"), true, true,
                PrintOptions.DEFAULT, Overrides.NONE, null);
        StringWriter log = new StringWriter();
        try (DevServer server = new DevServer(new Hearth(project), request, 0, new PrintWriter(log, true))) {
            server.watch();
            int port = server.port();
            // Without TCP_NODELAY every response over a kept-alive connection (the live-reloaded
            // page's requests) waits about 40 ms for the client's delayed ACK.
            assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"),
                    "the preview server's connections send at once (TCP_NODELAY)");

            HttpResponse<String> home = get(port, "/");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("<script src=\"/__hearth/reload.js\"></script></body>"), "reload script injected");
            assertTrue(home.body().contains("connect-src 'self'"), "the page may open the event stream");
            assertFalse(Files.exists(project.resolve("output/site/index.html")), "serving writes nothing to the output folder");
            HttpResponse<String> page = get(port, "/three-good-things.html");
            assertEquals(200, page.statusCode());
            assertEquals(404, get(port, "/nope.html").statusCode());
            assertEquals(200, get(port, "/__hearth/reload.js").statusCode());
            // The PDF is laid out in the background and served once ready.
            HttpResponse<byte[]> pdf = null;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end; Thread.sleep(100)) {
                pdf = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workbook.pdf")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                if (pdf.statusCode() == 200) {
                    break;
                }
            }
            assertEquals(200, pdf.statusCode());
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
            assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));

            // The event stream: read it on its own thread, line by line.
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            Socket sse = new Socket("127.0.0.1", port);
            sse.getOutputStream().write(("GET /__hearth/events HTTP/1.1\r\nHost: localhost:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(sse.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("event: ")) {
                            events.add(line.substring(7));
                        } else if (line.startsWith("data: ")) {
                            events.add("  " + line.substring(6));
                        }
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            reader.setDaemon(true);
            reader.start();
            assertEquals("hello", events.poll(10, TimeUnit.SECONDS));

            // Edit an exercise: the page changes and a reload event arrives.
            Path exercise = content.resolve("exercises/three-good-things.md");
            String original = Files.readString(exercise);
            Files.writeString(exercise, original + "\nA sentence added while serving.\n");
            assertTrue(waitFor(events, "reload"), "a reload event after the edit");
            assertTrue(get(port, "/three-good-things.html").body().contains("A sentence added while serving."));

            // A broken edit: the problem is reported and the last good page stays up.
            Files.writeString(exercise, original.replaceFirst("title: ", "title: [") + "\nBroken edit.\n");
            assertTrue(waitFor(events, "problems"), "a problems event after the broken edit");
            String problem = events.poll(5, TimeUnit.SECONDS);
            assertTrue(problem.contains("three-good-things.md:"), problem);
            HttpResponse<String> still = get(port, "/three-good-things.html");
            assertEquals(200, still.statusCode());
            assertTrue(still.body().contains("A sentence added while serving."), "the last good site is still served");
            assertTrue(log.toString().contains("The last good build is still being served."), log.toString());
            sse.close();

            // DNS rebinding and paths that try to leave the output folder.
            assertTrue(raw(port, "/", "evil.example:" + port).startsWith("HTTP/1.1 403"));
            assertTrue(raw(port, "/", "localhost:" + port).startsWith("HTTP/1.1 200"));
            assertTrue(raw(port, "/", "[::1]:" + port).startsWith("HTTP/1.1 200"));
            assertTrue(raw(port, "/../pom.xml", "localhost").startsWith("HTTP/1.1 400"));
            assertTrue(raw(port, "/%2e%2e/%2e%2e/etc/passwd", "localhost").startsWith("HTTP/1.1 400"));
        }
        try (Stream<Path> files = Files.list(project)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().equals("output") && Files.exists(p.resolve("site"))));
        }
    }

    @Test
    void siteOnlyPreviewPicksUpTemplateEditsAndServesNoPdf() throws Exception {
        Path project = dir.resolve("q");
        assertEquals(0, Main.run(new String[] {"init", project.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        BuildRequest request = new BuildRequest(project.resolve("content"), project.resolve("templates"), project.resolve("output"),
                true, false, PrintOptions.DEFAULT, Overrides.NONE, null);
        StringWriter log = new StringWriter();
        try (DevServer server = new DevServer(new Hearth(project), request, 0, new PrintWriter(log, true))) {
            server.watch();
            int port = server.port();
            assertEquals(404, get(port, "/workbook.pdf").statusCode(), "no PDF is laid out");
            Path layout = project.resolve("templates/site/layout.ftlh");
            Files.createDirectories(layout.getParent());
            Files.writeString(layout, Files.readString(Path.of(System.getProperty("hearth.project.root", "."))
                    .resolve("templates/site/layout.ftlh")).replace("<footer class=\"site-footer\">",
                            "<footer class=\"site-footer\"><p>Made with Hearth, edited.</p>"));
            String body = "";
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end && !body.contains("edited");
                    Thread.sleep(50)) {
                body = get(port, "/three-good-things.html").body();
            }
            assertTrue(body.contains("Made with Hearth, edited."), "a theme edit reaches every page");
            assertFalse(log.toString().contains("Rebuilt the PDF"), log.toString());
        }
    }

    @Test
    void thePdfIsLaidOutAfterTheSiteAndNeverServedStale() throws Exception {
        Path project = dir.resolve("r");
        assertEquals(0, Main.run(new String[] {"init", project.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        Path content = project.resolve("content");
        BuildRequest request = new BuildRequest(content, project.resolve("templates"), project.resolve("output"), true, true,
                PrintOptions.DEFAULT, Overrides.NONE, null);
        StringWriter log = new StringWriter();
        try (DevServer server = new DevServer(new Hearth(project), request, 0, new PrintWriter(log, true))) {
            server.watch();
            int port = server.port();
            // The first request waits for the first layout instead of a 404.
            HttpResponse<byte[]> first = pdf(port);
            assertEquals(200, first.statusCode());
            assertEquals("current", first.headers().firstValue(PreviewHandler.PDF_STATE).orElse(""));

            Path exercise = content.resolve("exercises/three-good-things.md");
            String original = Files.readString(exercise);
            save(exercise, original + "\nThe first edit while serving.\n");
            awaitLog(log, "Rebuilt the site", 2);
            // The first edit's PDF is being laid out now; a second edit stops it.
            save(exercise, original + "\nThe second edit while serving.\n");
            awaitLog(log, "Rebuilt the site", 3);
            HttpResponse<byte[]> second = pdf(port);
            assertEquals(200, second.statusCode());
            assertEquals("current", second.headers().firstValue(PreviewHandler.PDF_STATE).orElse(""));
            String text;
            try (PDDocument doc = Loader.loadPDF(second.body())) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            assertTrue(text.contains("The second edit while serving."), "the PDF served after an edit includes it");
            assertFalse(text.contains("The first edit while serving."));
            String all = log.toString();
            assertTrue(all.contains("Stopped laying out the PDF"), "the first edit's layout was stopped: " + all);
            // The site of each edit was served before that edit's PDF was laid out.
            assertTrue(all.lastIndexOf("Rebuilt the site") < all.lastIndexOf("Rebuilt the PDF"), all);
            assertFalse(all.contains("error"), all);
        }
    }

    @Test
    void addedAndRemovedExercisesReachTheContentsAndNeighboursAndABurstOfSavesEndsWithTheLastOne() throws Exception {
        Path project = dir.resolve("b");
        assertEquals(0, Main.run(new String[] {"init", project.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        Path content = project.resolve("content");
        BuildRequest request = new BuildRequest(content, project.resolve("templates"), project.resolve("output"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE, null);
        StringWriter log = new StringWriter();
        try (DevServer server = new DevServer(new Hearth(project), request, 0, new PrintWriter(log, true), true)) {
            server.watch();
            int port = server.port();
            assertEquals(404, get(port, "/evening-walk.html").statusCode());

            // A new exercise: its page, the contents and its neighbour's "next" link, in one rebuild.
            Path exercise = content.resolve("exercises/three-good-things.md");
            String original = Files.readString(exercise);
            Path added = content.resolve("exercises/evening-walk.md");
            save(added, original.replace("id: three-good-things", "id: evening-walk").replace("title: Three good things", "title: An evening walk")
                    .replace("order: 10", "order: 20"));
            // A save is a temporary file and a rename, which may come as one rebuild or two: wait for the page.
            awaitStatus(port, "/evening-walk.html", 200, log);
            assertTrue(get(port, "/index.html").body().contains("An evening walk"), "the contents list the new exercise");
            assertTrue(get(port, "/three-good-things.html").body().contains("href=\"evening-walk.html\""), "its neighbour links to it");
            assertTrue(log.toString().contains("Timings: written to seen"), "--timings says where the rebuild's time went: " + log);

            // Removed again: gone from the site, the contents and the neighbour.
            Files.delete(added);
            awaitStatus(port, "/evening-walk.html", 404, log);
            assertFalse(get(port, "/index.html").body().contains("An evening walk"));
            assertFalse(get(port, "/three-good-things.html").body().contains("evening-walk.html"));

            // A burst of saves (an editor saving on every keystroke, a formatter): far fewer rebuilds
            // than saves (one under way and one waiting at most), and the last save is what is served.
            String before = log.toString();
            int saves = 20;
            for (int i = 1; i <= saves; i++) {
                save(exercise, original + "\nSave number " + i + " of the burst.\n");
            }
            String last = "Save number " + saves + " of the burst.";
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!get(port, "/three-good-things.html").body().contains(last)) {
                assertTrue(System.nanoTime() < end, "the last save is served: " + log);
                Thread.sleep(20);
            }
            Thread.sleep(500); // a rebuild still waiting would show now
            int rebuilds = log.toString().substring(before.length()).split("Rebuilt the site", -1).length - 1;
            assertTrue(rebuilds >= 1 && rebuilds <= 3, rebuilds + " rebuilds for " + saves + " saves: " + log);
            assertTrue(get(port, "/three-good-things.html").body().contains(last), "the last save wins");
            assertFalse(log.toString().contains("error"), log.toString());
        }
    }

    @Test
    void itWarmsUpWhileNobodyEditsServingTheSameSiteAndAnEditStopsIt() throws Exception {
        Path project = dir.resolve("w");
        assertEquals(0, Main.run(new String[] {"init", project.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
        BuildRequest request = new BuildRequest(project.resolve("content"), project.resolve("templates"), project.resolve("output"),
                true, false, PrintOptions.DEFAULT, Overrides.NONE, null);
        StringWriter log = new StringWriter();
        try (DevServer server = new DevServer(new Hearth(project), request, 0, new PrintWriter(log, true), true)) {
            int port = server.port();
            String before = get(port, "/three-good-things.html").body();
            server.watch();
            // Rebuilds nobody asked for, each as after a save of the first exercise: the JIT
            // compiles the rebuild path before the author's first save waits on it.
            awaitLog(log, "warm-up rebuild", 8);
            assertEquals(before, get(port, "/three-good-things.html").body(), "warming up changes nothing served");
            assertEquals(1, log.toString().split("Rebuilt the site: ", -1).length - 1,
                    "no warm-up round replaces the served site: " + log);
        }

        // A save while warming up: the rounds stop and the save is served.
        StringWriter busy = new StringWriter();
        try (DevServer server = new DevServer(new Hearth(project), request, 0, new PrintWriter(busy, true), true)) {
            int port = server.port();
            server.watch();
            Path exercise = project.resolve("content/exercises/three-good-things.md");
            save(exercise, Files.readString(exercise) + "\nSaved while it warmed up.\n");
            String body = "";
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); System.nanoTime() < end && !body.contains("warmed up");
                    Thread.sleep(20)) {
                body = get(port, "/three-good-things.html").body();
            }
            assertTrue(body.contains("Saved while it warmed up."), busy.toString());
            Thread.sleep(500);
            assertTrue(busy.toString().split("warm-up rebuild", -1).length - 1 < 8, "an edit stops the warm-up: " + busy);
        }
    }

    private HttpResponse<byte[]> pdf(int port) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/workbook.pdf")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Saves as editors do, all at once, so the watcher never sees a half-written file. */
    private static void save(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(".saving.tmp");
        Files.writeString(temp, text);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void awaitStatus(int port, String path, int status, StringWriter log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (get(port, path).statusCode() != status) {
            assertTrue(System.nanoTime() < deadline, path + " never answered " + status + ": " + log);
            Thread.sleep(10);
        }
    }

    private static void awaitLog(StringWriter log, String line, int times) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (log.toString().split(line, -1).length - 1 < times) {
            assertTrue(System.nanoTime() < deadline, "no " + times + " x '" + line + "' in: " + log);
            Thread.sleep(5);
        }
    }

    private static boolean waitFor(BlockingQueue<String> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String e; System.nanoTime() < deadline; ) {
            e = events.poll(1, TimeUnit.SECONDS);
            if (name.equals(e)) {
                return true;
            }
        }
        return false;
    }
}
