package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hearth.testing.SiteBuild;
import org.hearth.testing.Chromium;
import org.hearth.testing.LoopbackSite;
import org.hearth.testing.Required;
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
 * The site in a real browser (Debian's chromium, driven through chromedriver), served under a
 * subpath by a loopback server and opened from disk. Skipped where chromium is not installed, but
 * failed under {@code CI=true} (CI installs it).
 */
class BrowserTest {

    @TempDir
    static Path tmp;
    static LoopbackSite server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        SiteBuild.defaultWorkbook(tmp.resolve("out"));
        Path site = tmp.resolve("out/site");
        // Served under a subpath, as on a host that puts the workbook at /workbook/.
        server = new LoopbackSite(site).start();

        browser = Chromium.start(1200, 900, LogType.BROWSER, LogType.PERFORMANCE);
    }

    @AfterAll
    static void stop() {
        Chromium.quit(browser, server);
    }

    @BeforeEach
    void freshStorage() {
        browser.get(server.url("index.html"));
        js("localStorage.clear();");
        browser.manage().logs().get(LogType.BROWSER); // start each test with an empty console log
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void navigatesThroughTheWorkbookUnderASubpath() {
        browser.get(server.url("index.html"));
        browser.findElement(By.cssSelector(".start a")).click();
        assertEquals("How to use this workbook", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.cssSelector(".pager .next")).click();
        assertEquals("Safety and support", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElements(By.cssSelector(".resources-table tbody tr")).size() >= 4);
        assertNoConsoleErrors();
        assertOnlyLocalRequests();
    }

    @Test
    void anAnswerSurvivesAReloadAndAppearsOnMyAnswersAndExports() {
        browser.get(server.url("acknowledge.html"));
        WebElement answer = browser.findElement(By.id("a-acknowledge--ack-big-reaction"));
        answer.sendKeys("I snapped at my sister.");
        browser.navigate().refresh();
        assertEquals("I snapped at my sister.", browser.findElement(By.id("a-acknowledge--ack-big-reaction")).getAttribute("value"));

        browser.get(server.url("answers.html"));
        String list = browser.findElement(By.cssSelector("[data-answer-list]")).getText();
        assertTrue(list.contains("Acknowledge your inner child") && list.contains("I snapped at my sister."), list);
        // Capture the export instead of downloading it.
        js("window.__exports = []; var made = URL.createObjectURL;"
                + "URL.createObjectURL = function (b) { window.__exports.push(b); return made.call(URL, b); };");
        browser.findElement(By.cssSelector("[data-export=json]")).click();
        browser.findElement(By.cssSelector("[data-export=md]")).click();
        String json = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[0]; window.__exports[0].text().then(done);");
        assertTrue(json.contains("\"acknowledge--ack-big-reaction\": {\n      \"value\": \"I snapped at my sister.\""), json);
        String md = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[0]; window.__exports[1].text().then(done);");
        assertTrue(md.contains("## Acknowledge your inner child") && md.contains("I snapped at my sister."), md);
        assertNoConsoleErrors();
        assertOnlyLocalRequests();
    }

    @Test
    void importThenClearWithConfirmation() throws IOException {
        Path export = tmp.resolve("export.json");
        Files.writeString(export, "{\"format\": \"hearth-answers\", \"version\": 1, \"workbook\": {\"id\": \"coming-home-to-yourself\"},"
                + " \"exportedAt\": \"2026-12-01T10:00:00Z\", \"answers\": {"
                + "\"mirror--mir-worthy\": {\"value\": \"It felt strange.\", \"updatedAt\": \"2026-12-01T10:00:00Z\"},"
                + " \"playful--play-list-0\": {\"value\": true, \"updatedAt\": \"2026-12-01T10:00:00Z\"}}}",
                StandardCharsets.UTF_8);
        browser.get(server.url("answers.html"));
        browser.findElement(By.cssSelector("[data-import]")).sendKeys(export.toString());
        browser.findElement(By.cssSelector("[data-import-apply]")).click();
        waitFor(() -> browser.findElement(By.cssSelector("[data-journal-status]")).getText().equals("Imported 2 answers."));
        assertTrue(browser.findElement(By.cssSelector("[data-answer-list]")).getText().contains("It felt strange."));
        browser.get(server.url("mirror.html"));
        assertEquals("It felt strange.", browser.findElement(By.id("a-mirror--mir-worthy")).getAttribute("value"));

        browser.get(server.url("answers.html"));
        browser.findElement(By.cssSelector("[data-clear]")).click();
        browser.switchTo().alert().accept();
        assertTrue(browser.findElement(By.cssSelector("[data-answer-list]")).getText().startsWith("Nothing written yet"));
        assertEquals(0L, js("return Object.keys(localStorage).length;"));
    }

    @Test
    void theSelfCheckShowsChangeBetweenDatedChecks() {
        browser.get(server.url("signs-of-healing.html"));
        String tracker = "signs-of-healing-tracker-1";
        browser.findElement(By.id("t-" + tracker + "-date-0")).sendKeys("01012027");
        browser.findElement(By.id("t-" + tracker + "-0-0")).sendKeys("2");
        browser.findElement(By.id("t-" + tracker + "-0-1")).sendKeys("4");
        assertEquals("+2", browser.findElement(By.cssSelector("[data-change='0']")).getText());
        browser.navigate().refresh();
        assertEquals("+2", browser.findElement(By.cssSelector("[data-change='0']")).getText(), "results are stored");
        assertEquals("2027-01-01", browser.findElement(By.id("t-" + tracker + "-date-0")).getAttribute("value"));
    }

    @Test
    void searchAndLibraryFiltersWorkOffline() {
        browser.get(server.url("search.html?q=mirror"));
        assertTrue(browser.findElement(By.cssSelector("[data-search-count]")).getText().matches("\\d+ results"));
        assertTrue(browser.findElement(By.cssSelector("[data-search-results]")).getText().contains("Mirror work"));
        browser.get(server.url("prompts.html"));
        int all = browser.findElements(By.cssSelector(".library-item")).size();
        browser.findElement(By.cssSelector("[data-filter=kind]")).click();
        js("var s = document.querySelector('[data-filter=kind]'); s.value = 'letter'; s.dispatchEvent(new Event('change', {bubbles: true}));");
        long shown = browser.findElements(By.cssSelector(".library-item")).stream().filter(WebElement::isDisplayed).count();
        assertTrue(shown > 0 && shown < all, shown + " of " + all);
        assertNoConsoleErrors();
    }

    @Test
    void worksFromDiskToo() {
        browser.get(server.root().resolve("journal.html").toUri().toString());
        browser.findElement(By.id("a-journal--jour-today")).sendKeys("Saved from file.");
        browser.navigate().refresh();
        assertEquals("Saved from file.", browser.findElement(By.id("a-journal--jour-today")).getAttribute("value"));
        browser.get(server.root().resolve("search.html").toUri() + "?q=letter");
        assertTrue(browser.findElement(By.cssSelector("[data-search-results]")).getText().contains("Write a letter"));
        assertNoConsoleErrors();
    }

    @Test
    void everyPageTypeHasNoSeriousOrCriticalAccessibilityProblems() throws Exception {
        String axe = axeSource();
        List<String> problems = new ArrayList<>();
        for (String page : List.of("index.html", "how-to-use.html", "safety.html", "acknowledge.html", "avoiding-conflict.html",
                "signs-of-healing.html", "about.html", "prompts.html", "answers.html", "search.html?q=letter", "404.html")) {
            browser.get(server.url(page));
            js(axe);
            String found = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                    + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                    + "    .map(function (v) { return v.id + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })"
                    + "    .join('; '));"
                    + "});");
            if (!found.isEmpty()) {
                problems.add(page + ": " + found);
            }
        }
        assertEquals(List.of(), problems);
    }

    /** axe-core from the test class path (a Maven dependency): nothing is downloaded at test time. */
    private static String axeSource() {
        return Required.here().axeCore();
    }

    private void assertNoConsoleErrors() {
        assertEquals(List.of(), Chromium.consoleErrors(browser));
    }

    /** Every request the page made went to the local server (or is an in-page blob or data URL). */
    private void assertOnlyLocalRequests() {
        List<String> outside = new ArrayList<>();
        java.util.regex.Pattern url = java.util.regex.Pattern.compile("\"url\":\"([^\"]+)\"");
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            if (!e.getMessage().contains("Network.requestWillBeSent")) {
                continue;
            }
            java.util.regex.Matcher m = url.matcher(e.getMessage());
            if (m.find() && !(m.group(1).startsWith(server.url("")) || m.group(1).startsWith("data:") || m.group(1).startsWith("blob:"))) {
                outside.add(m.group(1));
            }
        }
        assertEquals(List.of(), outside);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
