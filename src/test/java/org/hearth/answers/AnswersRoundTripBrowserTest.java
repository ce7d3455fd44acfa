package org.hearth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Chromium;
import org.hearth.testing.LoopbackSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole round trip, end to end: answers typed in the site in Chromium → the site's export →
 * a keepsake PDF (its text holds every answer, in order, on its prompt's page) → a fillable PDF
 * filled from the same export → {@code hearth answers export} → the same JSON as the site's.
 */
class AnswersRoundTripBrowserTest {

    @TempDir
    static Path tmp;
    static LoopbackSite server;
    static ChromeDriver browser;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Path root = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
        new Hearth(root).build(new BuildRequest(AnswersFiles.content(), root.resolve("templates"), tmp.resolve("site-out"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE, null));
        Path site = tmp.resolve("site-out/site");
        server = new LoopbackSite(site).start();
        base = server.url("");
        browser = Chromium.start(1200, 900);
    }

    @AfterAll
    static void stop() {
        Chromium.quit(browser, server);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void waitFor(java.util.function.BooleanSupplier done, String what) {
        Chromium.waitFor(done, what, 10);
    }

    private boolean saved(String id) {
        return js("return localStorage.getItem(arguments[0]);", "hearth.v1:a-small-book:" + id) != null;
    }

    /** Sets a field's value as typing would and lets the journal save it. */
    private void set(String elementId, String value, String answerId) {
        js("var e = document.getElementById(arguments[0]); e.value = arguments[1];"
                + "e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));", elementId, value);
        waitFor(() -> saved(answerId), answerId + " to be saved");
    }

    @Test
    void typedInTheSiteExportedPrintedFilledAndReadBackToTheSameJson() throws IOException {
        browser.get(base + "first.html");
        js("localStorage.clear();");
        browser.navigate().refresh();
        String notice = "Tired, then calmer. Ζεστασιά — тепло — café crème, naïve façade.";
        browser.findElement(By.id("a-first--notice-one")).sendKeys(notice);
        waitFor(() -> saved("first--notice-one"), "the typed answer to be saved");
        browser.findElement(By.id("a-first--mirror-one")).sendKeys("It felt strange, then kind.");
        waitFor(() -> saved("first--mirror-one"), "the mirror answer to be saved");
        String letter = String.join(" ", KeepsakeTest.longAnswer());
        set("a-first--letter-one", letter, "first--letter-one");
        browser.findElement(By.id("a-first--check-one-1")).click();
        waitFor(() -> saved("first--check-one-1"), "the tick to be saved");
        browser.findElement(By.cssSelector("input[name='first--rate-one'][value='4']")).click();
        waitFor(() -> saved("first--rate-one"), "the rating to be saved");
        browser.findElement(By.id("a-first--draw-one")).sendKeys("A lake, a dog, the smell of rain.");
        waitFor(() -> saved("first--draw-one"), "the box to be saved");
        browser.findElement(By.id("a-first-space-1")).sendKeys("My first note.");
        waitFor(() -> saved("first-space-1"), "the writing space to be saved");
        // What paper has lines for: the entry's Date line, the checklist's Other line and the Notes space.
        browser.findElement(By.id("a-first-date")).sendKeys("Tuesday 3 May");
        waitFor(() -> saved("first-date"), "the date to be saved");
        browser.findElement(By.id("a-first--check-one-other")).sendKeys("Reading in bed");
        waitFor(() -> saved("first--check-one-other"), "the Other item to be saved");
        browser.findElement(By.id("a-first-notes")).sendKeys("Come back to this after the weekend.");
        waitFor(() -> saved("first-notes"), "the notes to be saved");
        browser.findElement(By.id("t-first-tracker-1-0-0")).sendKeys("2");
        waitFor(() -> saved("first-tracker-1-0-0"), "the self-check cell to be saved");
        waitFor(() -> saved("first-tracker-1-date-0"), "starting a column to fill in its date");

        browser.get(base + "answers.html");
        js("window.__exports = []; var made = URL.createObjectURL;"
                + "URL.createObjectURL = function (b) { window.__exports.push(b); return made.call(URL, b); };");
        browser.findElement(By.cssSelector("[data-export=json]")).click();
        waitFor(() -> ((Number) js("return (window.__exports || []).length;")).intValue() > 0, "the export");
        String siteJson = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; window.__exports[0].text().then(done);");
        Path exported = tmp.resolve("my-answers.json");
        Files.writeString(exported, siteJson, StandardCharsets.UTF_8);

        // The keepsake: every answer, in book order, on its prompt's page.
        Path out = tmp.resolve("out");
        AnswersFiles.Run keepsake = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.toString(),
                "--answers", exported.toString());
        assertEquals(0, keepsake.code(), keepsake.err());
        List<String> pages = KeepsakeTest.pages(out.resolve(AnswersOptions.KEEPSAKE));
        String all = String.join(" ", pages);
        KeepsakeTest.assertInOrder(all, List.of("My first note.", "Tired, then calmer.", "Ζεστασιά", "тепло", "naïve façade.",
                "It felt strange, then kind."));
        KeepsakeTest.assertInOrder(all, KeepsakeTest.longAnswer());
        KeepsakeTest.assertInOrder(all, List.of("A lake, a dog, the smell of rain."));
        KeepsakeTest.assertInOrder(all, List.of("Date: Tuesday 3 May", "Which of these helped?", "Other: Reading in bed",
                "Notes Come back to this after the weekend."));
        assertTrue(siteJson.contains("\"first-date\"") && siteJson.contains("\"first--check-one-other\"") && siteJson.contains("\"first-notes\""),
                "the site exports the date, the Other item and the notes: " + siteJson);
        int prompt = KeepsakeTest.pageOf(pages, "What did you feel today?");
        int answer = KeepsakeTest.pageOf(pages, "Tired, then calmer.");
        assertTrue(answer == prompt || answer == prompt + 1, "the answer is printed at its prompt");

        // The fillable edition filled from the same export, read back: the very JSON the site wrote.
        AnswersFiles.Run filled = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.toString(),
                "--fillable", "--answers", exported.toString());
        assertEquals(0, filled.code(), filled.err());
        Path back = tmp.resolve("back.json");
        AnswersFiles.Run export = AnswersFiles.hearth("answers", "export", "--content", AnswersFiles.content().toString(),
                out.resolve(AnswersOptions.FILLED).toString(), "-o", back.toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(!export.err().contains("not exported") && !export.err().contains("left out"), "nothing is reported paper-only or foreign: " + export.err());
        String again = Files.readString(back, StandardCharsets.UTF_8);
        assertEquals(withoutExportTime(siteJson), withoutExportTime(again.strip()));
    }

    /** The JSON without its {@code exportedAt} line, the one thing that differs: when each export was made. */
    private static String withoutExportTime(String json) {
        return json.replaceFirst("\n  \"exportedAt\": \"[^\"]+\",", "");
    }
}
