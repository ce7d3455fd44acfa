package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.hearth.testing.SiteBuild;
import org.hearth.testing.Chromium;
import org.hearth.testing.LoopbackSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * The journal (journal.js) in real Chromium: what happens to a reader's words when storage is
 * full or blocked, with two tabs open, on import, offline, under the privacy lock and in the
 * self-check. Under CI=true a missing browser fails instead of skipping.
 */
class JournalBrowserTest {

    static final String NS = "hearth.v1:coming-home-to-yourself:";
    static final String TODAY_ANSWER = "journal--jour-today";

    @TempDir
    static Path tmp;
    static LoopbackSite server;
    static ChromeDriver browser;
    static final AtomicBoolean offline = new AtomicBoolean();
    private final List<String> cdpScripts = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        SiteBuild.defaultWorkbook(tmp.resolve("out"));
        Path site = tmp.resolve("out/site");
        server = new LoopbackSite(site).offlineWhile(offline::get).start();
        browser = Chromium.start(1200, 900, LogType.BROWSER);
    }

    @AfterAll
    static void stop() {
        Chromium.quit(browser, server);
    }

    @BeforeEach
    void freshStorage() {
        offline.set(false);
        browser.get(server.url("index.html"));
        js("localStorage.clear(); sessionStorage.clear();");
        browser.manage().logs().get(LogType.BROWSER);
    }

    @AfterEach
    void forgetInjectedScripts() {
        for (String id : cdpScripts) {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
        }
        cdpScripts.clear();
        browser.manage().window().setSize(new Dimension(1200, 900));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Runs {@code source} before any script of every page this tab loads (the site's CSP does not apply). */
    private void beforeEveryPage(String source) {
        Map<String, Object> r = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
        cdpScripts.add((String) r.get("identifier"));
    }

    /** Opens a page and gives its journal a moment to start (a site without the marker is tested as it is). */
    private void open(String page) {
        browser.get(server.url(page));
        long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (browser.findElements(By.cssSelector("body[data-journal-ready]")).isEmpty() && System.nanoTime() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String status() {
        return browser.findElement(By.cssSelector("[data-journal-status]")).getText();
    }

    private String stored(String id) {
        return (String) js("return localStorage.getItem(arguments[0]);", NS + id);
    }

    @Test
    void whenStorageIsFullThePageSaysSoOffersExportAndThrowsNothing() {
        // Full from the very first script: every write fails as a full disk makes it fail.
        beforeEveryPage("Storage.prototype.setItem = function () {"
                + " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };");
        open("journal.html");
        WebElement answer = browser.findElement(By.id("a-" + TODAY_ANSWER));
        answer.sendKeys("Words that must not vanish.");
        waitFor(() -> status().contains("storage is full"), "the status line to say storage is full");
        assertTrue(status().startsWith("Not saved: this browser's storage is full — export your answers now"), status());
        assertEquals("status", browser.findElement(By.cssSelector("[data-journal-status]")).getAttribute("role"));
        assertEquals("polite", browser.findElement(By.cssSelector("[data-journal-status]")).getAttribute("aria-live"));
        js("window.__exports = []; var made = URL.createObjectURL;"
                + "URL.createObjectURL = function (b) { window.__exports.push(b); return made.call(URL, b); };");
        browser.findElement(By.cssSelector("[data-export-now]")).click();
        String json = exported(0);
        assertTrue(json.contains("\"value\": \"Words that must not vanish.\""), json);
        assertNoConsoleErrors();
    }

    @Test
    void whenStorageIsBlockedAnswersStayForTheVisitAndMyAnswersSaysWhyWithExportFirst() {
        beforeEveryPage("['localStorage', 'sessionStorage'].forEach(function (name) {"
                + " Object.defineProperty(window, name, { configurable: true, get: function () {"
                + "  throw new DOMException('Access is denied for this document.', 'SecurityError'); } }); });");
        open("journal.html");
        browser.findElement(By.id("a-" + TODAY_ANSWER)).sendKeys("Kept for this visit.");
        waitFor(() -> status().contains("does not let this site keep anything"), "the status line to explain blocked storage");
        assertEquals("Kept for this visit.", browser.findElement(By.id("a-" + TODAY_ANSWER)).getAttribute("value"));
        assertFalse(browser.findElements(By.cssSelector("[data-export-now]")).isEmpty(), "export is offered on the page");

        open("answers.html");
        String page = browser.findElement(By.tagName("main")).getText();
        assertFalse(page.contains("Turn on JavaScript"), page);
        assertTrue(browser.findElement(By.cssSelector("[data-storage-note]")).isDisplayed());
        assertTrue(browser.findElement(By.cssSelector("[data-storage-note]")).getText().contains("does not let this site keep anything"));
        WebElement first = browser.findElement(By.cssSelector("[data-answer-tools] > *"));
        assertEquals("json", first.getAttribute("data-export"), "Export comes first");
        assertNoConsoleErrors();
    }

    @Test
    void twoTabsStayInStepAndAStaleTabNeverErasesANewerAnswer() {
        open("journal.html");
        String first = browser.getWindowHandle();
        browser.switchTo().newWindow(WindowType.TAB);
        String second = browser.getWindowHandle();
        open("journal.html");

        browser.switchTo().window(first);
        browser.findElement(By.id("a-" + TODAY_ANSWER)).sendKeys("A full answer from the first tab.");
        browser.switchTo().window(second);
        waitFor(() -> "A full answer from the first tab.".equals(browser.findElement(By.id("a-" + TODAY_ANSWER)).getAttribute("value")),
                "the second tab to show the first tab's answer live");
        waitFor(() -> status().contains("another tab"), "the update to be announced once the typing pauses");

        // Make the second tab stale: it stops hearing which answer the first tab writes.
        js("Object.defineProperty(StorageEvent.prototype, 'key', { get: function () { return 'elsewhere'; } });");
        browser.switchTo().window(first);
        browser.findElement(By.id("a-" + TODAY_ANSWER)).sendKeys(" And a second paragraph.");
        browser.switchTo().window(second);
        browser.findElement(By.id("a-" + TODAY_ANSWER)).sendKeys("!");
        waitFor(() -> status().contains("Both texts are kept"), "the stale tab to say it kept both texts");
        String kept = stored(TODAY_ANSWER);
        assertTrue(kept.contains("And a second paragraph.") && kept.contains("first tab.!"), kept);
        assertTrue(browser.findElement(By.id("a-" + TODAY_ANSWER)).getAttribute("value").contains("And a second paragraph."));
        browser.close();
        browser.switchTo().window(first);
        assertNoConsoleErrors();
    }

    @Test
    void importShowsAPreviewMergesByTimeAndRefusesForeignMalformedAndOversizedFiles() throws IOException {
        open("mirror.html");
        browser.findElement(By.id("a-mirror--mir-worthy")).sendKeys("My newer words.");
        waitFor(() -> status().startsWith("Saved on this device at "), "the answer to be saved");

        Path older = tmp.resolve("older.json");
        Files.writeString(older, """
                {"format": "hearth-answers", "version": 1,
                 "workbook": {"id": "coming-home-to-yourself", "title": "Coming Home to Yourself"},
                 "exportedAt": "2020-01-02T10:00:00Z",
                 "answers": {
                   "mirror--mir-worthy": {"value": "Old words from 2020.", "updatedAt": "2020-01-01T10:00:00Z"},
                   "playful--play-list-0": {"value": true, "updatedAt": "2020-01-01T10:00:00Z"},
                   "no-such-question": {"value": "Stray.", "updatedAt": "2020-01-01T10:00:00Z"}
                 }}
                """, StandardCharsets.UTF_8);
        open("answers.html");
        choose(older);
        WebElement preview = browser.findElement(By.cssSelector("[data-import-preview]"));
        assertTrue(preview.getText().contains("1 answer new"), preview.getText());
        assertTrue(preview.getText().contains("1 answer older than yours: yours are kept"), preview.getText());
        assertTrue(preview.getText().contains("1 answer not questions of this workbook: left out"), preview.getText());
        assertEquals(null, stored("playful--play-list-0"), "nothing is written before the person confirms");
        browser.findElement(By.cssSelector("[data-import-apply]")).click();
        waitFor(() -> status().startsWith("Imported 1 answer"), "the import to finish");
        assertTrue(stored("mirror--mir-worthy").contains("My newer words."), "the newer answer is kept");
        assertTrue(stored("playful--play-list-0").contains("\"v\":true"));
        assertNull(stored("no-such-question"));
        assertTrue(browser.findElement(By.cssSelector("[data-answer-list]")).getText().contains("✓ ticked"));

        Path foreign = tmp.resolve("foreign.json");
        Files.writeString(foreign, """
                {"format": "hearth-answers", "version": 1, "workbook": {"id": "another-book", "title": "Another book"},
                 "exportedAt": "2030-01-02T10:00:00Z",
                 "answers": {"mirror--mir-worthy": {"value": "Someone else's words.", "updatedAt": "2030-01-01T10:00:00Z"}}}
                """, StandardCharsets.UTF_8);
        choose(foreign);
        assertTrue(browser.findElement(By.cssSelector("[data-import-preview]")).getText().contains("from another workbook"));
        WebElement apply = browser.findElement(By.cssSelector("[data-import-apply]"));
        assertFalse(apply.isEnabled(), "another workbook's file needs an explicit choice");
        browser.findElement(By.cssSelector("[data-import-cancel]")).click();
        assertTrue(stored("mirror--mir-worthy").contains("My newer words."));

        Path malformed = tmp.resolve("malformed.json");
        Files.writeString(malformed, "{\"format\": \"hearth-answers\", \"version\": 1, \"workbook\": {\"id\": \"coming-home-to-yourself\"},"
                + " \"exportedAt\": \"2030-01-01T00:00:00Z\", \"answers\": {\"mirror--mir-worthy\": {\"value\": 42, \"updatedAt\": \"2030-01-01T00:00:00Z\"}}}",
                StandardCharsets.UTF_8);
        choose(malformed);
        waitFor(() -> status().startsWith("That file could not be imported"), "a clear message");
        assertTrue(status().contains("“mirror--mir-worthy” has a value that is neither text nor true/false"), status());
        Files.writeString(malformed, "{\"answers\": {\"a\": ", StandardCharsets.UTF_8);
        choose(malformed);
        waitFor(() -> status().contains("not valid JSON"), "the JSON error");

        Path huge = tmp.resolve("huge.json");
        String big = "x".repeat(6 * 1024 * 1024);
        Files.writeString(huge, "{\"format\": \"hearth-answers\", \"version\": 1, \"workbook\": {\"id\": \"coming-home-to-yourself\"},"
                + " \"exportedAt\": \"2030-01-01T00:00:00Z\", \"answers\": {\"journal--jour-today\": {\"value\": \"" + big
                + "\", \"updatedAt\": \"2030-01-01T00:00:00Z\"}}}", StandardCharsets.UTF_8);
        choose(huge);
        waitFor(() -> status().contains("at most 5 MB"), "the size message");
        assertNull(stored(TODAY_ANSWER), "nothing of a refused file is written");
        assertTrue(stored("mirror--mir-worthy").contains("My newer words."));
        assertNoConsoleErrors();
    }

    /**
     * The fields for what paper has lines for (the entry's Date line, a checklist's Other line, Notes):
     * named for screen readers, saved and announced like every answer, restored, listed, exported
     * under the model's ids and imported again.
     */
    @Test
    void theDateOtherItemAndNotesAreLabelledSavedRestoredExportedAndImported() throws IOException {
        open("remember-good.html");
        WebElement date = browser.findElement(By.id("a-remember-good-date"));
        WebElement other = browser.findElement(By.id("a-remember-good--good-small-joys-other"));
        WebElement notes = browser.findElement(By.id("a-remember-good-notes"));
        assertEquals("Date", date.getAccessibleName());
        assertTrue(other.getAccessibleName().contains("Which of these have brought you joy") && other.getAccessibleName().endsWith("Other:"),
                other.getAccessibleName());
        assertEquals("Notes", notes.getAccessibleName());
        assertTrue(browser.findElement(By.id(date.getAttribute("aria-describedby"))).getText().startsWith("Optional"));
        assertTrue(browser.findElement(By.id(notes.getAttribute("aria-describedby"))).getText().contains("Notes lines"));
        assertTrue(other.findElement(By.xpath("ancestor::*[@role='group']")).getAttribute("aria-labelledby").equals("q-remember-good--good-small-joys"),
                "the Other item belongs to its checklist's group");

        date.sendKeys("Sunday 6 June");
        other.sendKeys("Climbing trees");
        notes.sendKeys("Ask my sister what she remembers.");
        waitFor(() -> stored("remember-good-notes") != null && stored("remember-good-date") != null
                && stored("remember-good--good-small-joys-other") != null, "the three answers to be saved");
        waitFor(() -> status().startsWith("Saved on this device at "), "the save to be announced");
        assertEquals("polite", browser.findElement(By.cssSelector("[data-journal-status]")).getAttribute("aria-live"));
        screenshot("date-other-notes-desktop");

        browser.navigate().refresh();
        open("remember-good.html");
        assertEquals("Sunday 6 June", browser.findElement(By.id("a-remember-good-date")).getAttribute("value"));
        assertEquals("Climbing trees", browser.findElement(By.id("a-remember-good--good-small-joys-other")).getAttribute("value"));
        assertEquals("Ask my sister what she remembers.", browser.findElement(By.id("a-remember-good-notes")).getAttribute("value"));

        open("answers.html");
        String list = browser.findElement(By.cssSelector("[data-answer-list]")).getText();
        assertTrue(list.contains("Notes on Remember the good") && list.contains("Date for Remember the good") && list.contains("Climbing trees"), list);
        js("window.__exports = []; var made = URL.createObjectURL;"
                + "URL.createObjectURL = function (b) { window.__exports.push(b); return made.call(URL, b); };");
        browser.findElement(By.cssSelector("[data-export=json]")).click();
        String json = exported(0);
        assertTrue(json.matches("(?s).*\"remember-good-date\": \\{\\s*\"value\": \"Sunday 6 June\",.*"), json);
        assertTrue(json.matches("(?s).*\"remember-good--good-small-joys-other\": \\{\\s*\"value\": \"Climbing trees\",.*"), json);
        assertTrue(json.matches("(?s).*\"remember-good-notes\": \\{\\s*\"value\": \"Ask my sister what she remembers.\",.*"), json);

        Path file = tmp.resolve("date-other-notes.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        js("localStorage.clear();");
        open("answers.html");
        choose(file);
        assertTrue(browser.findElement(By.cssSelector("[data-import-preview]")).getText().contains("3 answers new"),
                browser.findElement(By.cssSelector("[data-import-preview]")).getText());
        browser.findElement(By.cssSelector("[data-import-apply]")).click();
        waitFor(() -> status().startsWith("Imported 3 answers"), "the import to finish");
        open("remember-good.html");
        assertEquals("Sunday 6 June", browser.findElement(By.id("a-remember-good-date")).getAttribute("value"));
        assertEquals("Climbing trees", browser.findElement(By.id("a-remember-good--good-small-joys-other")).getAttribute("value"));
        assertEquals("Ask my sister what she remembers.", browser.findElement(By.id("a-remember-good-notes")).getAttribute("value"));
        assertNoConsoleErrors();
    }

    private void choose(Path file) {
        String before = status();
        browser.findElement(By.cssSelector("[data-import]")).sendKeys(file.toString());
        waitFor(() -> !status().equals(before) || browser.findElement(By.cssSelector("[data-import-preview]")).isDisplayed(),
                "the file to be read");
    }

    @Test
    void exportIsVersionedWithTimesAndTrueAndFalseAreJustText() {
        open("journal.html");
        browser.findElement(By.id("a-" + TODAY_ANSWER)).sendKeys("true");
        browser.findElement(By.id("a-journal--jour-pattern")).sendKeys("false");
        browser.findElement(By.id("a-journal--jour-week-check-1")).click();
        waitFor(() -> stored("journal--jour-week-check-1") != null, "the tick to be saved");
        browser.navigate().refresh();
        assertEquals("false", browser.findElement(By.id("a-journal--jour-pattern")).getAttribute("value"), "an answer of exactly 'false' is kept");
        assertTrue(browser.findElement(By.id("a-journal--jour-week-check-1")).isSelected());

        open("answers.html");
        String list = browser.findElement(By.cssSelector("[data-answer-list]")).getText();
        assertFalse(list.replace("✓ ticked", "").contains("✓"), list);
        assertEquals(1, list.split("✓ ticked", -1).length - 1, "only the checkbox shows as ticked: " + list);
        js("window.__exports = []; var made = URL.createObjectURL;"
                + "URL.createObjectURL = function (b) { window.__exports.push(b); return made.call(URL, b); };");
        browser.findElement(By.cssSelector("[data-export=json]")).click();
        String json = exported(0);
        assertTrue(json.contains("\"format\": \"hearth-answers\"") && json.contains("\"version\": 1")
                && json.contains("\"id\": \"coming-home-to-yourself\""), json);
        assertTrue(json.matches("(?s).*\"journal--jour-today\": \\{\\s*\"value\": \"true\",\\s*\"updatedAt\": \"20\\d\\d-.*"), json);
        assertTrue(json.matches("(?s).*\"journal--jour-week-check-1\": \\{\\s*\"value\": true,.*"), json);
    }

    @Test
    void answersStoredUnderTheOldTitleKeyMoveToTheWorkbookId() {
        js("localStorage.setItem('hearth:Coming Home to Yourself:journal--jour-today', 'Written before the upgrade.');"
                + "localStorage.setItem('hearth:Coming Home to Yourself:journal--jour-week-check-2', 'true');");
        open("journal.html");
        assertEquals("Written before the upgrade.", browser.findElement(By.id("a-" + TODAY_ANSWER)).getAttribute("value"));
        assertTrue(browser.findElement(By.id("a-journal--jour-week-check-2")).isSelected());
        assertTrue(stored(TODAY_ANSWER).contains("Written before the upgrade."));
        assertTrue(stored("journal--jour-week-check-2").contains("\"v\":true"));
        assertEquals(null, js("return localStorage.getItem('hearth:Coming Home to Yourself:journal--jour-today');"));
        assertEquals("coming-home-to-yourself", browser.findElement(By.tagName("body")).getAttribute("data-workbook-id"));
    }

    @Test
    void theSiteOpensOfflineFromItsServiceWorkerCacheOfThisBuild() throws IOException {
        open("index.html");
        Object controlled = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "if (!navigator.serviceWorker) { done('no service worker support'); return; }"
                + "navigator.serviceWorker.ready.then(function () {"
                + "  var wait = function () { if (navigator.serviceWorker.controller) { done(true); } else { setTimeout(wait, 50); } };"
                + "  wait(); });"
                + "setTimeout(function () { done('not controlled'); }, 15000);");
        assertEquals(Boolean.TRUE, controlled);
        String worker = Files.readString(server.root().resolve("sw.js"), StandardCharsets.UTF_8);
        String build = worker.replaceAll("(?s).*HEARTH_BUILD = \"([0-9a-f]+)\".*", "$1");
        Object caches = ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; caches.keys().then(function (k) { done(k.join(' ')); });");
        assertTrue(((String) caches).endsWith(":" + build), caches + " is named after build " + build);
        offline.set(true);
        try {
            browser.get(server.url("journal.html")); // never visited: it comes from the cache the worker filled
            assertEquals("Journal your experiences", browser.findElement(By.tagName("h1")).getText());
            browser.navigate().refresh();
            assertEquals("Journal your experiences", browser.findElement(By.tagName("h1")).getText());
            browser.get(server.url("search.html?q=letter"));
            assertTrue(browser.findElement(By.cssSelector("[data-search-results]")).getText().contains("Write a letter"));
            assertEquals("rgb(251, 248, 243)", js("return getComputedStyle(document.body).backgroundColor;"),
                    "the style sheet came from the cache too");
        } finally {
            offline.set(false);
        }
        assertTrue(Files.readString(server.root().resolve("manifest.webmanifest")).contains("\"start_url\": \"index.html\""));
        assertEquals(1, browser.findElements(By.cssSelector("link[rel=manifest]")).size());
    }

    @Test
    void theLockEncryptsAnswersAtRestAndAWrongPassphraseSaysSo() {
        open("journal.html");
        browser.findElement(By.id("a-" + TODAY_ANSWER)).sendKeys("Private words.");
        waitFor(() -> status().startsWith("Saved"), "the answer to be saved");
        open("answers.html");
        browser.findElement(By.cssSelector("[data-lock-new]")).sendKeys("kettle orchard seven");
        browser.findElement(By.cssSelector("[data-lock-repeat]")).sendKeys("kettle orchard seven");
        browser.findElement(By.cssSelector("[data-lock-set] button")).click();
        waitFor(() -> lockStatus().contains("now encrypted"), "the lock to be set", 30);
        String raw = stored(TODAY_ANSWER);
        assertFalse(raw.contains("Private"), raw);
        assertTrue(raw.contains("\"c\":"), raw);
        assertTrue(js("return localStorage.getItem(arguments[0]);", NS + "~lock").toString().contains("\"iterations\":310000"));

        browser.findElement(By.cssSelector("[data-lock-now]")).click();
        assertTrue(browser.findElement(By.cssSelector("[data-answer-list]")).getText().contains("locked"));
        open("journal.html");
        assertEquals("", browser.findElement(By.id("a-" + TODAY_ANSWER)).getAttribute("value"));
        assertTrue(status().contains("locked"), status());

        open("answers.html");
        browser.findElement(By.cssSelector("[data-lock-pass]")).sendKeys("kettle orchard eight");
        browser.findElement(By.cssSelector("[data-lock-unlock] button")).click();
        waitFor(() -> lockStatus().contains("not the right one"), "the wrong passphrase to be refused", 30);
        assertFalse(browser.findElement(By.cssSelector("[data-answer-list]")).getText().contains("Private words."));
        browser.findElement(By.cssSelector("[data-lock-pass]")).clear();
        browser.findElement(By.cssSelector("[data-lock-pass]")).sendKeys("kettle orchard seven");
        browser.findElement(By.cssSelector("[data-lock-unlock] button")).click();
        waitFor(() -> browser.findElement(By.cssSelector("[data-answer-list]")).getText().contains("Private words."), "unlocking", 30);

        open("journal.html");
        assertEquals("Private words.", browser.findElement(By.id("a-" + TODAY_ANSWER)).getAttribute("value"), "unlocked for this tab");
        browser.findElement(By.id("a-" + TODAY_ANSWER)).sendKeys(" More.");
        waitFor(() -> status().startsWith("Saved"), "an encrypted save");
        assertFalse(stored(TODAY_ANSWER).contains("More."));

        open("answers.html");
        js("window.__exports = []; var made = URL.createObjectURL;"
                + "URL.createObjectURL = function (b) { window.__exports.push(b); return made.call(URL, b); };");
        browser.findElement(By.cssSelector("[data-export=sealed]")).click();
        String sealed = exported(0);
        assertTrue(sealed.contains("\"kdf\": \"PBKDF2-SHA-256\"") && !sealed.contains("Private"), sealed);
        browser.findElement(By.cssSelector("[data-export=json]")).click();
        assertTrue(exported(1).contains("Private words. More."));
        assertNoConsoleErrors();
    }

    /**
     * journal.js hands its state (the lock's key among it) to journal-answers.js on My answers only,
     * and takes the hand-over back once done: no page leaves the journal's insides on the window.
     */
    @Test
    void theJournalsInsidesAreNotLeftOnTheWindow() {
        open("acknowledge.html");
        assertEquals(Boolean.TRUE, js("return !('hearthJournal' in window);"), "an exercise page");
        open("answers.html");
        assertTrue(browser.findElement(By.cssSelector("[data-answer-list]")).getText().contains("Nothing written yet"));
        assertEquals(Boolean.TRUE, js("return !('hearthJournal' in window);"), "My answers, once started");
        assertNoConsoleErrors();
    }

    private String lockStatus() {
        return browser.findElement(By.cssSelector("[data-lock-status]")).getText();
    }

    @Test
    void theSelfCheckRefusesValuesOffTheScaleDatesChecksAndKeepsEveryRating() {
        open("signs-of-healing.html");
        String tracker = "signs-of-healing-tracker-1";
        WebElement cell = browser.findElement(By.id("t-" + tracker + "-0-0"));
        cell.sendKeys("1e3");
        waitFor(() -> browser.findElement(By.cssSelector("[data-tracker-message]")).getText().contains("not on this scale"), "a range message");
        assertEquals("true", cell.getAttribute("aria-invalid"));
        assertTrue(stored(tracker + "-0-0") == null || stored(tracker + "-0-0").contains("\"v\":\"\""), "an off-scale value is not saved");
        cell.clear();
        cell.sendKeys("2");
        browser.findElement(By.id("t-" + tracker + "-0-1")).sendKeys("4");
        assertEquals("+2", browser.findElement(By.cssSelector("[data-change='0']")).getText());
        assertEquals(LocalDate.now().toString(), browser.findElement(By.id("t-" + tracker + "-date-0")).getAttribute("value"),
                "today's date is filled in");
        browser.findElement(By.id("t-" + tracker + "-0-2")).sendKeys("9");
        assertEquals("+2", browser.findElement(By.cssSelector("[data-change='0']")).getText(), "9 is off a 1-5 scale");

        // Phone width: no sideways scroll, and the change column is on screen.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth;"),
                "sideways scroll at " + js("return document.documentElement.scrollWidth + ' > ' + window.innerWidth;"));
        WebElement change = browser.findElement(By.cssSelector("[data-change='0']"));
        assertEquals(Boolean.TRUE, js("var r = arguments[0].getBoundingClientRect(); return r.right <= window.innerWidth && r.width > 20;", change));
        assertEquals("+2", change.getText());
        screenshot("selfcheck-phone");
        browser.manage().window().setSize(new Dimension(1200, 900));

        // A rating answered on two days keeps both.
        open("acknowledge.html");
        String rating = "acknowledge--ack-rate-listening";
        browser.findElement(By.cssSelector("input[data-answer='" + rating + "'][value='2']")).click();
        waitFor(() -> stored(rating) != null, "the rating to be saved");
        js("var r = JSON.parse(localStorage.getItem(arguments[0])); r.t = Date.parse('2026-11-01T09:00:00Z'); r.h[0].d = '2026-11-01';"
                + "localStorage.setItem(arguments[0], JSON.stringify(r));", NS + rating);
        open("acknowledge.html");
        browser.findElement(By.cssSelector("input[data-answer='" + rating + "'][value='4']")).click();
        waitFor(() -> stored(rating).contains("\"v\":\"4\""), "the second rating to be saved");
        String history = browser.findElement(By.cssSelector("[data-rating-history]")).getText();
        assertTrue(history.contains("2026: 2") && history.contains(LocalDate.now().getYear() + ": 4"), history);
        assertEquals(2L, js("return JSON.parse(localStorage.getItem(arguments[0])).h.length;", NS + rating));
        assertNotNull(browser.findElement(By.cssSelector("[data-rating-history]")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkbookIsInstallableWithPngIconsOfTheSizesChromeWants() throws IOException {
        open("index.html");
        waitFor(() -> !browser.findElements(By.cssSelector("link[rel=manifest]")).isEmpty(), "the manifest link");
        Map<String, Object> manifest = browser.executeCdpCommand("Page.getAppManifest", Map.of());
        assertEquals(List.of(), manifest.get("errors"), "the manifest parses without complaint");
        Map<String, Object> parsed = (Map<String, Object>) js("return fetch('manifest.webmanifest').then(function (r) { return r.json(); });");
        List<String> sizes = new ArrayList<>();
        for (Map<String, Object> icon : (List<Map<String, Object>>) parsed.get("icons")) {
            if (!"image/png".equals(icon.get("type"))) {
                continue;
            }
            String src = (String) icon.get("src");
            assertTrue(src.matches("assets/icon-\\d+\\.[0-9a-f]{10}\\.png"), "a fingerprinted name: " + src);
            // Loaded as the browser loads it, and as big as the manifest says.
            String loaded = (String) ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "var i = new Image(); i.onload = function () { done(i.naturalWidth + 'x' + i.naturalHeight); };"
                    + "i.onerror = function () { done('failed'); }; i.src = arguments[0];", src);
            assertEquals(icon.get("sizes"), loaded, src);
            sizes.add(loaded);
            assertTrue(Files.readString(server.root().resolve(OfflineFiles.WORKER)).contains("\"" + src + "\""), "kept for offline use: " + src);
            assertTrue(Files.readString(server.root().resolve("asset-manifest.json")).contains(src), "in the asset manifest: " + src);
        }
        assertEquals(List.of("192x192", "512x512"), sizes);
        // What Chrome itself says stands between this site and "Install app", served over http://127.0.0.1.
        List<Object> errors = (List<Object>) browser.executeCdpCommand("Page.getInstallabilityErrors", Map.of()).get("installabilityErrors");
        assertEquals(List.of(), errors);
    }

    // ---- What a screen-reader review found ------------------------------------------------------

    @Test
    void theStatusLineSpeaksOncePerPauseNotOnEveryKeystroke() {
        open("journal.html");
        // Each change of the live region is a batch of mutations: one batch, one announcement.
        js("window.__spoken = []; var s = document.querySelector('[data-journal-status]');"
                + "new MutationObserver(function () { window.__spoken.push(s.textContent); })"
                + ".observe(s, {childList: true, subtree: true, characterData: true});");
        WebElement answer = browser.findElement(By.id("a-" + TODAY_ANSWER));
        answer.sendKeys("Slowly, one word and then another.");
        waitFor(() -> status().startsWith("Saved on this device at "), "the saved message");
        pause(2500);
        List<?> first = (List<?>) js("return window.__spoken;");
        assertEquals(1, first.size(), "announced once after the pause, not per keystroke: " + first);
        answer.sendKeys(" More.");
        pause(3000);
        List<?> second = (List<?>) js("return window.__spoken;");
        if (second.get(second.size() - 1).equals(first.get(0))) {
            assertEquals(1, second.size(), "the same words are not written again: " + second);
        } else {
            assertEquals(2, second.size(), "one more announcement, as the minute changed: " + second);
        }
    }

    @Test
    void focusLandsOnWhatChangedAfterImportAndLock() throws IOException {
        Path file = tmp.resolve("focus.json");
        Files.writeString(file, """
                {"format": "hearth-answers", "version": 1,
                 "workbook": {"id": "coming-home-to-yourself", "title": "Coming Home to Yourself"},
                 "exportedAt": "2020-01-02T10:00:00Z",
                 "answers": {"mirror--mir-worthy": {"value": "Imported words.", "updatedAt": "2020-01-01T10:00:00Z"}}}
                """, StandardCharsets.UTF_8);
        open("answers.html");
        choose(file);
        assertEquals("import-title", js("return document.activeElement.id;"), "the preview's heading first");
        browser.findElement(By.cssSelector("[data-import-cancel]")).click();
        assertEquals(Boolean.TRUE, js("return document.activeElement.hasAttribute('data-journal-status');"), "then the result");
        choose(file);
        browser.findElement(By.cssSelector("[data-import-apply]")).click();
        waitFor(() -> status().startsWith("Imported 1 answer"), "the import");
        assertEquals(Boolean.TRUE, js("return document.activeElement.hasAttribute('data-journal-status');"), "the result of the import");

        browser.findElement(By.cssSelector("[data-lock-new]")).sendKeys("kettle orchard seven");
        browser.findElement(By.cssSelector("[data-lock-repeat]")).sendKeys("kettle orchard seven");
        browser.findElement(By.cssSelector("[data-lock-set] button")).click();
        waitFor(() -> lockStatus().contains("now encrypted"), "the lock to be set", 30);
        assertEquals(Boolean.TRUE, js("return document.activeElement.hasAttribute('data-lock-status');"), "the lock's result");
        browser.findElement(By.cssSelector("[data-lock-now]")).click();
        assertEquals(Boolean.TRUE, js("return document.activeElement.hasAttribute('data-lock-pass');"), "locked: the passphrase field");
        browser.findElement(By.cssSelector("[data-lock-pass]")).sendKeys("kettle orchard seven");
        browser.findElement(By.cssSelector("[data-lock-unlock] button")).click();
        waitFor(() -> lockStatus().contains("Unlocked"), "unlocking", 30);
        assertEquals(Boolean.TRUE, js("return document.activeElement.hasAttribute('data-lock-status');"), "the unlock's result");
    }

    /** The ids an element's aria-describedby names, and whether it says it is invalid. */
    private String errorState(String selector) {
        return (String) js("var e = document.querySelector(arguments[0]); var ids = (e.getAttribute('aria-describedby') || '').split(/\\s+/)"
                + ".filter(Boolean); return (e.getAttribute('aria-invalid') === 'true' ? 'invalid' : 'valid') + ' ' + ids.map(function (id) {"
                + " var d = document.getElementById(id); return d ? d.textContent : '(missing ' + id + ')'; }).join(' | ');", selector);
    }

    @Test
    void errorsAreTiedToTheirFieldsAndClearedWhenFixed() {
        open("answers.html");
        browser.findElement(By.cssSelector("[data-lock-new]")).sendKeys("short");
        browser.findElement(By.cssSelector("[data-lock-set] button")).click();
        assertTrue(errorState("[data-lock-new]").matches("invalid .*at least 8 characters.*"), errorState("[data-lock-new]"));
        browser.findElement(By.cssSelector("[data-lock-new]")).sendKeys(" and longer");
        browser.findElement(By.cssSelector("[data-lock-repeat]")).sendKeys("something else");
        browser.findElement(By.cssSelector("[data-lock-set] button")).click();
        assertEquals("valid ", errorState("[data-lock-new]"));
        assertTrue(errorState("[data-lock-repeat]").matches("invalid .*not the same.*"), errorState("[data-lock-repeat]"));
        browser.findElement(By.cssSelector("[data-lock-repeat]")).clear();
        browser.findElement(By.cssSelector("[data-lock-repeat]")).sendKeys("short and longer");
        browser.findElement(By.cssSelector("[data-lock-set] button")).click();
        waitFor(() -> lockStatus().contains("now encrypted"), "the lock to be set", 30);
        assertEquals("valid ", errorState("[data-lock-repeat]"));
        browser.findElement(By.cssSelector("[data-lock-now]")).click();
        browser.findElement(By.cssSelector("[data-lock-pass]")).sendKeys("not it at all");
        browser.findElement(By.cssSelector("[data-lock-unlock] button")).click();
        waitFor(() -> lockStatus().contains("not the right one"), "the wrong passphrase", 30);
        assertTrue(errorState("[data-lock-pass]").matches("invalid .*not the right one.*"), errorState("[data-lock-pass]"));
        browser.findElement(By.cssSelector("[data-lock-pass]")).clear();
        browser.findElement(By.cssSelector("[data-lock-pass]")).sendKeys("short and longer");
        browser.findElement(By.cssSelector("[data-lock-unlock] button")).click();
        waitFor(() -> lockStatus().contains("Unlocked"), "unlocking", 30);
        assertEquals("valid ", errorState("[data-lock-pass]"));

        open("signs-of-healing.html");
        String cell = "#t-signs-of-healing-tracker-1-0-0";
        browser.findElement(By.cssSelector(cell)).sendKeys("9");
        assertTrue(errorState(cell).matches("invalid .*not on this scale.*"), errorState(cell));
        browser.findElement(By.cssSelector(cell)).clear();
        browser.findElement(By.cssSelector(cell)).sendKeys("3");
        assertTrue(errorState(cell).startsWith("valid Rate each line from 1") && !errorState(cell).contains("not on this scale"),
                "only the scale describes it again: " + errorState(cell));
    }

    @Test
    void aScoreOffTheScaleDoesNotDateTheCheck() {
        open("signs-of-healing.html");
        String tracker = "signs-of-healing-tracker-1";
        browser.findElement(By.id("t-" + tracker + "-0-0")).sendKeys("1e3");
        waitFor(() -> browser.findElement(By.cssSelector("[data-tracker-message]")).getText().contains("not on this scale"), "the message");
        pause(300);
        assertEquals("", browser.findElement(By.id("t-" + tracker + "-date-0")).getAttribute("value"), "no date for a refused score");
        String date = stored(tracker + "-date-0");
        assertTrue(date == null || date.contains("\"v\":\"\""), "nor a stored one: " + date);
        browser.findElement(By.id("t-" + tracker + "-0-0")).clear();
        browser.findElement(By.id("t-" + tracker + "-0-0")).sendKeys("3");
        assertEquals(LocalDate.now().toString(), browser.findElement(By.id("t-" + tracker + "-date-0")).getAttribute("value"));
    }

    @Test
    void onASmallPhoneTheStatusLineNeverCoversTheFieldBeingTypedIn() {
        beforeEveryPage("Storage.prototype.setItem = function () {"
                + " throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };");
        browser.manage().window().setSize(new Dimension(390, 600));
        open("acknowledge.html");
        WebElement first = browser.findElement(By.id("a-acknowledge--ack-big-reaction"));
        first.sendKeys("x"); // the long "not saved" message, with its button: the tallest status line
        waitFor(() -> status().contains("storage is full"), "the failure message");
        List<WebElement> boxes = browser.findElements(By.cssSelector("main textarea"));
        List<String> covered = new ArrayList<>();
        for (WebElement box : boxes.subList(1, boxes.size())) {
            // The field's top shows just above the bottom of the screen, under the status line; a tap
            // there focuses it without scrolling, and typing follows (no WebDriver scrolling either).
            js("var r = arguments[0].getBoundingClientRect(); window.scrollBy(0, r.top - window.innerHeight + 60);"
                    + "arguments[0].focus({preventScroll: true});", box);
            browser.executeCdpCommand("Input.insertText", Map.of("text", "y"));
            String overlap = (String) js("var f = arguments[0].getBoundingClientRect();"
                    + "var s = document.querySelector('[data-journal-status]').getBoundingClientRect();"
                    + "var caret = Math.min(f.bottom, f.top + 60);" // the first lines, where the text being typed is
                    + "return caret > s.top + 1 && f.top < s.bottom ? 'field ' + f.top + '-' + f.bottom + ' under status ' + s.top : '';", box);
            if (!overlap.isEmpty()) {
                covered.add(box.getAttribute("id") + ": " + overlap);
            }
        }
        screenshot("status-phone-bottom");
        assertEquals(List.of(), covered);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void screenshot(String name) {
        String dir = System.getProperty("journal.screenshots");
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
            Files.write(Path.of(dir, name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String exported(int index) {
        waitFor(() -> ((Number) js("return (window.__exports || []).length;")).intValue() > index, "an export");
        return (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; window.__exports[" + index + "].text().then(done);");
    }

    private void assertNoConsoleErrors() {
        assertEquals(List.of(), Chromium.consoleErrors(browser));
    }

    private static void waitFor(BooleanSupplier condition, String what) {
        waitFor(condition, what, 8);
    }

    private static void waitFor(BooleanSupplier condition, String what, int seconds) {
        Chromium.waitFor(condition, what, seconds);
    }
}
