package org.hearth.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * In real Chromium, with both languages served from one origin (as a host serves the root and
 * {@code es/}): an answer written in one language never appears in the other. Under CI=true a
 * missing browser fails instead of skipping.
 */
class LanguageStorageBrowserTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path tmp;
    static HttpServer server;
    static ChromeDriver browser;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        org.hearth.testing.Required.here().tool(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "chromium or chromedriver");
        Path content = Golden.copyContent("site-bilingual", tmp.resolve("content"));
        new Hearth(tmp).build(new BuildRequest(content, ROOT.resolve("templates"), tmp.resolve("out"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE, null));
        Path site = tmp.resolve("out/site");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            try (ex) {
                Path file = site.resolve(ex.getRequestURI().getPath().substring(1)).normalize();
                if (!file.startsWith(site) || !Files.isRegularFile(file)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                String name = file.getFileName().toString();
                ex.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "application/octet-stream");
                byte[] body = Files.readAllBytes(file);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,900",
                "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private void open(String page) {
        browser.get(base + page);
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (browser.findElements(By.cssSelector("body[data-journal-ready]")).isEmpty() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /** Waits until the journal has stored something under {@code prefix} (it saves shortly after typing). */
    private void savedUnder(String prefix) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            Object n = ((JavascriptExecutor) browser).executeScript(
                    "return Object.keys(localStorage).filter(function (k) { return k.indexOf(arguments[0]) === 0; }).length;", prefix);
            if (((Number) n).intValue() > 0) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("nothing was stored under " + prefix);
    }

    private WebElement field() {
        return browser.findElement(By.cssSelector("textarea[data-answer='first-space-1']"));
    }

    @Test
    void answersInOneLanguageNeverAppearInTheOther() {
        open("first.html");
        ((JavascriptExecutor) browser).executeScript("localStorage.clear();");
        open("first.html");
        field().sendKeys("Written in English.");
        savedUnder("hearth.v1:a-small-book:");
        open("es/first.html");
        assertEquals("", field().getAttribute("value"), "the Spanish page does not show the English answer");
        field().sendKeys("Escrito en español.");
        savedUnder("hearth.v1:a-small-book--es:");
        open("first.html");
        assertEquals("Written in English.", field().getAttribute("value"));
        open("es/first.html");
        assertEquals("Escrito en español.", field().getAttribute("value"));
        @SuppressWarnings("unchecked")
        List<String> keys = (List<String>) ((JavascriptExecutor) browser).executeScript("return Object.keys(localStorage).sort();");
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("hearth.v1:a-small-book:")), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("hearth.v1:a-small-book--es:")), keys.toString());
        // The Spanish "My answers" lists only the Spanish answer.
        open("es/answers.html");
        String mine = browser.findElement(By.cssSelector("[data-answer-list]")).getText();
        assertTrue(mine.contains("Escrito en español.") && !mine.contains("Written in English."), mine);
    }

    /**
     * The Spanish edition was keyed {@code a-small-book-es}, which a person called "Es" (whose own
     * site is {@code a-small-book-es}) shared. Answers stored under the former key show on the
     * Spanish page, copied once to {@code a-small-book--es}; the former key stays for that person's
     * site, and what each writes from then on stays apart.
     */
    @Test
    void spanishAnswersUnderTheFormerKeyAreCopiedOnceAndTheKeysStayApart() {
        open("first.html");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("localStorage.clear();"
                + "localStorage.setItem('hearth.v1:a-small-book-es:first-space-1', JSON.stringify({v: 'Guardado antes.', t: 1700000000000}));");
        open("es/first.html");
        assertEquals("Guardado antes.", field().getAttribute("value"), "the former key's answer is shown");
        field().sendKeys(" Y hoy.");
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!String.valueOf(js.executeScript("return localStorage.getItem('hearth.v1:a-small-book--es:first-space-1');")).contains("Y hoy.")
                && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertTrue(String.valueOf(js.executeScript("return localStorage.getItem('hearth.v1:a-small-book--es:first-space-1');")).contains("Guardado antes. Y hoy."));
        assertEquals("{\"v\":\"Guardado antes.\",\"t\":1700000000000}",
                js.executeScript("return localStorage.getItem('hearth.v1:a-small-book-es:first-space-1');"),
                "the former key is left as it was, for a person's site that may own it");
        // Cleared on the Spanish page, the former key's answer does not come back.
        js.executeScript("localStorage.removeItem('hearth.v1:a-small-book--es:first-space-1');");
        open("es/first.html");
        assertEquals("", field().getAttribute("value"), "copied once only");
    }
}
