package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.testing.SiteBuild;
import org.hearth.testing.Chromium;
import org.hearth.testing.LoopbackSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * An import file made by someone else, in Chromium: an answer id that is also the name of a
 * property every JavaScript object has ({@code constructor}) is an id this workbook does not have,
 * so it is listed as unknown and left out like any other, in both the current and the old format.
 */
class JournalHostileImportBrowserTest {

    static final String NS = "hearth.v1:coming-home-to-yourself:";

    @TempDir
    static Path tmp;
    static LoopbackSite server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        SiteBuild.defaultWorkbook(tmp.resolve("out"));
        server = new LoopbackSite(tmp.resolve("out/site")).start();
        browser = Chromium.start(1200, 900, LogType.BROWSER);
    }

    @AfterAll
    static void stop() {
        Chromium.quit(browser, server);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private String status() {
        return browser.findElement(By.cssSelector("[data-journal-status]")).getText();
    }

    private void importFile(String name, String json) throws IOException {
        browser.get(server.url("index.html"));
        js("localStorage.clear(); sessionStorage.clear();");
        browser.get(server.url("answers.html"));
        Chromium.waitFor(() -> !browser.findElements(By.cssSelector("body[data-journal-ready]")).isEmpty(), "the journal to start", 8);
        Path file = tmp.resolve(name);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        browser.findElement(By.cssSelector("[data-import]")).sendKeys(file.toString());
        Chromium.waitFor(() -> browser.findElement(By.cssSelector("[data-import-preview]")).isDisplayed(), "the preview", 8);
    }

    private void assertLeftOut() {
        String preview = browser.findElement(By.cssSelector("[data-import-preview]")).getText();
        assertTrue(preview.contains("1 answer new"), preview);
        assertTrue(preview.contains("1 answer not questions of this workbook: left out"), preview);
        browser.findElement(By.cssSelector("[data-import-apply]")).click();
        Chromium.waitFor(() -> status().startsWith("Imported 1 answer"), "the import to finish", 8);
        assertNull(js("return localStorage.getItem(arguments[0]);", NS + "constructor"), "the stray id is not stored");
        String list = browser.findElement(By.cssSelector("[data-answer-list]")).getText();
        assertFalse(list.contains("Not theirs"), list);
        assertTrue(list.contains("My own words."), list);
        assertEquals(List.of(), Chromium.consoleErrors(browser));
    }

    @Test
    void anAnswerIdNamedLikeAnObjectPropertyIsUnknownAndLeftOut() throws IOException {
        importFile("constructor.json", """
                {"format": "hearth-answers", "version": 1,
                 "workbook": {"id": "coming-home-to-yourself", "title": "Coming Home to Yourself"},
                 "exportedAt": "2026-01-02T10:00:00Z",
                 "answers": {
                   "mirror--mir-worthy": {"value": "My own words.", "updatedAt": "2026-01-01T10:00:00Z"},
                   "constructor": {"value": "Not theirs.", "updatedAt": "2026-01-01T10:00:00Z"}
                 }}
                """);
        assertLeftOut();
    }

    @Test
    void theSameInAnExportOfTheOldFormat() throws IOException {
        importFile("legacy.json", """
                {"workbook": "Coming Home to Yourself", "exported": "2026-01-02T10:00:00Z",
                 "answers": {"mirror--mir-worthy": "My own words.", "constructor": "Not theirs."}}
                """);
        assertLeftOut();
    }

    @Test
    void markupInAnAnswerIsEscapedInTheMarkdownExport() throws IOException {
        importFile("markup.json", """
                {"format": "hearth-answers", "version": 1,
                 "workbook": {"id": "coming-home-to-yourself", "title": "Coming Home to Yourself"},
                 "exportedAt": "2026-01-02T10:00:00Z",
                 "answers": {
                   "mirror--mir-worthy": {"value": "<img src=x onerror=alert(1)>\\n# Not a heading\\n1. not a list", "updatedAt": "2026-01-01T10:00:00Z"}
                 }}
                """);
        browser.findElement(By.cssSelector("[data-import-apply]")).click();
        Chromium.waitFor(() -> status().startsWith("Imported 1 answer"), "the import to finish", 8);
        js("window.__exports = []; var made = URL.createObjectURL;"
                + "URL.createObjectURL = function (b) { window.__exports.push(b); return made.call(URL, b); };");
        browser.findElement(By.cssSelector("[data-export=md]")).click();
        String md = (String) browser.executeAsyncScript("var done = arguments[arguments.length - 1]; window.__exports[0].text().then(done);");
        assertTrue(md.contains("\\<img src=x onerror=alert(1)\\>\n\\# Not a heading\n1\\. not a list"), md);
        assertFalse(md.contains(" <img") || md.contains("\n<img"), md);
    }
}
