package org.hearth.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hearth.testing.SiteBuild;
import org.hearth.testing.Chromium;
import org.hearth.testing.Golden;
import org.hearth.testing.LoopbackSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * In real Chromium, with both languages served from one origin (as a host serves the root and
 * {@code es/}): an answer written in one language never appears in the other. Under CI=true a
 * missing browser fails instead of skipping.
 */
class LanguageStorageBrowserTest {

    @TempDir
    static Path tmp;
    static LoopbackSite server;
    static ChromeDriver browser;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Path content = Golden.copyContent("site-bilingual", tmp.resolve("content"));
        SiteBuild.of(tmp, content, tmp.resolve("out"));
        Path site = tmp.resolve("out/site");
        server = new LoopbackSite(site).start();
        base = server.url("");
        browser = Chromium.start(1200, 900);
    }

    @AfterAll
    static void stop() {
        Chromium.quit(browser, server);
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

    @Test
    void theFilePickerSpeaksThePagesLanguageAndStaysReachable() throws IOException {
        open("es/answers.html");
        WebElement input = browser.findElement(By.cssSelector("[data-import]"));
        WebElement label = browser.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']"));
        // The browser's own "Choose file / No file chosen" is never what the reader sees: the label is the button.
        assertEquals("Importar un archivo JSON exportado", label.getText());
        assertTrue(label.isDisplayed() && label.getSize().getWidth() > 60, "the label is drawn as the button");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertEquals(Boolean.TRUE, js.executeScript("var r = arguments[0].getBoundingClientRect(), s = getComputedStyle(arguments[0]);"
                + "return r.width <= 1 && r.height <= 1 && s.display !== 'none' && s.visibility !== 'hidden' && arguments[0].tabIndex >= 0;", input),
                "the native input is unseen but still in the tab order");
        assertEquals("Importar un archivo JSON exportado", js.executeScript("return arguments[0].labels[0].textContent;", input));
        WebElement name = browser.findElement(By.cssSelector("[data-import-name]"));
        assertEquals("Ningún archivo elegido", name.getText());
        assertEquals(name.getAttribute("id"), input.getAttribute("aria-describedby"));
        assertEquals("polite", name.getAttribute("aria-live"));
        // The keyboard reaches it: Tab from the control before it lands on the input, and its focus shows on the label.
        js.executeScript("arguments[0].focus();", browser.findElement(By.cssSelector("[data-export=md]")));
        browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        if (!Boolean.TRUE.equals(js.executeScript("return document.activeElement === arguments[0];", input))) {
            // the sealed export button, when shown, sits between them
            browser.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
        }
        assertEquals(Boolean.TRUE, js.executeScript("return document.activeElement === arguments[0];", input), "Tab reaches the file input");
        assertTrue(!"none".equals(label.getCssValue("outline-style")), "the label shows the input's focus");
        Path file = tmp.resolve("respuestas.json");
        Files.writeString(file, "{}", java.nio.charset.StandardCharsets.UTF_8);
        input.sendKeys(file.toString());
        assertEquals("Archivo elegido: respuestas.json", name.getText());
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
