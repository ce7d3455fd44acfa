package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Chromium;
import org.hearth.testing.Golden;
import org.hearth.testing.LoopbackSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Another site frames the journal, in real Chromium. The built site is served twice on loopback:
 * once with the headers of its own {@code _headers} file (Netlify, Cloudflare Pages), where the
 * browser blocks the frame outright, and once with no headers at all (GitHub Pages), where the
 * site script refuses to run and says why. The framing page comes from a third server, another
 * origin. Under {@code CI=true} a missing browser fails the test instead of skipping it.
 */
class FramingTest {

    @TempDir
    static Path tmp;
    static Path site;
    static String page;
    static LoopbackSite withHeaders;
    static LoopbackSite withoutHeaders;
    static HttpServer other;
    static ChromeDriver browser;
    static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Path content = Golden.copyContent("basic", tmp.resolve("content"));
        Path root = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
        new Hearth(tmp).build(new BuildRequest(content, root.resolve("templates"), tmp.resolve("out"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE, null));
        site = tmp.resolve("out/site");
        // A page with somewhere to write: that is what a framing site would be after.
        try (Stream<Path> s = Files.list(site)) {
            page = s.filter(p -> p.toString().endsWith(".html")).sorted().filter(p -> {
                try {
                    return Files.readString(p).contains("data-answer=");
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow().getFileName().toString();
        }
        Map<String, Map<String, List<String>>> rules = HostingFilesTest.parseHeadersFile(
                Files.readString(site.resolve("_headers"), StandardCharsets.UTF_8));
        withHeaders = serve(rules);
        withoutHeaders = serve(Map.of());
        other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", ex -> {
            try (ex) {
                String target = ex.getRequestURI().getQuery();
                byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Another site</title></head><body>"
                        + "<h1>Another site</h1><iframe id=\"victim\" src=\"" + target + "\" width=\"800\" height=\"600\"></iframe></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        other.start();

        browser = Chromium.start(1000, 900, LogType.BROWSER);
    }

    /** The site under /workbook/, each response with the headers of every matching rule (as the hosts do). */
    private static LoopbackSite serve(Map<String, Map<String, List<String>>> rules) {
        LoopbackSite server = new LoopbackSite(site)
                .headers((path, headers) -> HostingFilesTest.matching(rules, path).forEach((name, values) -> values.forEach(v -> headers.add(name, v))));
        return server.onRequest(path -> requests.add(server.port() + path)).start();
    }

    private static String url(LoopbackSite server, String path) {
        return server.url(path);
    }

    private static String framing(LoopbackSite server) {
        return "http://127.0.0.1:" + other.getAddress().getPort() + "/frame.html?" + url(server, page);
    }

    @AfterAll
    static void stop() {
        Chromium.quit(browser, withHeaders, withoutHeaders, other == null ? null : () -> other.stop(0));
    }

    @BeforeEach
    void topLevel() {
        browser.switchTo().defaultContent();
        requests.clear();
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void onItsOwnTheJournalRunsOnBothHosts() {
        for (LoopbackSite server : List.of(withHeaders, withoutHeaders)) {
            browser.manage().logs().get(LogType.BROWSER);
            browser.get(url(server, page));
            assertFalse(browser.findElements(By.cssSelector("[data-answer]")).isEmpty(), "the page has its fields");
            assertEquals(Boolean.FALSE, js("return document.documentElement.hasAttribute('data-framed');"));
            assertTrue(browser.findElements(By.cssSelector("[data-framed-note]")).isEmpty());
            // The script ran: it shows the print button it keeps hidden for readers without JavaScript.
            assertTrue(browser.findElements(By.cssSelector("[data-print]")).stream().allMatch(WebElement::isDisplayed));
            // The headers themselves raise no complaint (an unknown Permissions-Policy feature would).
            List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::getMessage).toList();
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void withTheHeadersTheBrowserBlocksTheFrameOutright() {
        browser.get(framing(withHeaders));
        browser.switchTo().frame(browser.findElement(By.id("victim")));
        Object where = js("return location.href;");
        assertTrue(String.valueOf(where).startsWith("chrome-error:"), "the framed page was blocked: " + where);
        assertTrue(browser.findElements(By.cssSelector("[data-answer]")).isEmpty());
        String port = String.valueOf(withHeaders.port());
        assertTrue(requests.contains(port + "/workbook/" + page), requests.toString());
        assertTrue(requests.stream().noneMatch(r -> r.startsWith(port) && r.endsWith(".js")),
                "no script of the journal was even loaded: " + requests);
    }

    @Test
    void withoutHeadersTheScriptRefusesAndSaysWhy() {
        browser.get(framing(withoutHeaders));
        browser.switchTo().frame(browser.findElement(By.id("victim")));
        WebElement note = browser.findElement(By.cssSelector("[data-framed-note]"));
        assertTrue(note.isDisplayed());
        String text = note.getText();
        assertTrue(text.contains("inside another website") && text.contains("Open it on its own"), text);
        assertEquals("_top", note.findElement(By.tagName("a")).getAttribute("target"));
        assertEquals(url(withoutHeaders, page), note.findElement(By.tagName("a")).getAttribute("href"));
        assertEquals(Boolean.TRUE, js("return document.documentElement.hasAttribute('data-framed');"));
        assertTrue(browser.findElements(By.cssSelector("input, textarea, select, button")).isEmpty(),
                "nothing to type into or click in the frame");
        assertEquals(1, browser.findElements(By.cssSelector("main > [data-framed-note]:first-child")).size(), "the reason comes first");
        assertFalse(browser.findElement(By.tagName("h1")).getText().isEmpty(), "the text itself stays readable");
        // The journal did not run: it would have shown the print button and read the stored answers.
        assertTrue(browser.findElements(By.cssSelector("[data-print]")).isEmpty());
        assertEquals(0L, js("return Object.keys(localStorage).length;"));
    }
}
