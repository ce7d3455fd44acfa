package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a reader meets on the site's pages in real Chromium: the printed worksheet, the names
 * assistive technology reads out, the page without JavaScript, light and dark contrast, and search.
 * The site is the default workbook (one page gains a contraction, written the way typographers
 * do, for the apostrophe search), served under a subpath. Under {@code CI=true} a missing browser
 * fails instead of skipping.
 */
class ReaderBrowserTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final String QUESTION_PAGE = "acknowledge.html";
    static final String LONG_ANSWER = "a-acknowledge--ack-big-reaction";

    @TempDir
    static Path tmp;
    static LoopbackSite server;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        Path content = tmp.resolve("content");
        copy(ROOT.resolve("content"), content);
        Files.writeString(content.resolve("pages/about.md"),
                "\nSome evenings you can't find words at all, and that is all right too.\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        SiteBuild.of(ROOT, content, tmp.resolve("out"));
        Path site = tmp.resolve("out/site");
        server = new LoopbackSite(site).notFoundPage("404.html").start();

        browser = Chromium.start(1200, 900);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        Chromium.quit(browser, server);
    }

    @BeforeEach
    void freshStorage() {
        browser.get(server.url("index.html"));
        js("localStorage.clear();");
    }

    @AfterEach
    void screenAndScriptsAgain() {
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "", "features", List.of()));
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private byte[] printToPdf(boolean backgrounds) {
        Map<String, Object> result = browser.executeCdpCommand("Page.printToPDF", Map.of("printBackground", backgrounds));
        return Base64.getDecoder().decode((String) result.get("data"));
    }

    // ---- The printed worksheet ----------------------------------------------------------------

    @Test
    void aLongAnswerPrintsInFullBelowItsQuestionWithTheCrisisFooter() throws IOException {
        browser.get(server.url(QUESTION_PAGE));
        WebElement answer = browser.findElement(By.id(LONG_ANSWER));
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            text.append("Line ").append(i).append(" of what I wrote tonight").append(i < 30 ? "\n" : "");
        }
        answer.sendKeys(text);
        String question = (String) js("return arguments[0].closest('.prompt').querySelector('.prompt-text [id^=q-]').textContent;", answer);
        String printed;
        try (PDDocument pdf = Loader.loadPDF(printToPdf(false))) {
            printed = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        String q = question.replaceAll("^\\s*\\d+\\.\\s*", "").replaceAll("\\s+", " ").strip();
        int questionAt = printed.indexOf(q);
        assertTrue(questionAt >= 0, "the question is printed: " + q);
        for (int i = 1; i <= 30; i++) {
            int at = printed.indexOf("Line " + i + " of what I wrote tonight");
            assertTrue(at > questionAt, "line " + i + " of the answer is printed below its question");
        }
        assertTrue(printed.contains("If you are in crisis or feel unsafe"), "the crisis footer is printed");
    }

    @Test
    void emptyAnswersPrintRuledLinesThatLookTheSameWithOrWithoutBackgrounds() throws IOException {
        browser.get(server.url(QUESTION_PAGE));
        // The ruled lines are borders, which print whatever the "background graphics" setting says.
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        @SuppressWarnings("unchecked")
        List<String> rules = (List<String>) js(
                "var t = document.getElementById(arguments[0]); var rows = Number(t.getAttribute('rows'));"
                + "var found = []; var shown = Array.prototype.filter.call(t.parentNode.querySelectorAll('*'), function (e) {"
                + "  return e.offsetHeight > 0 && e !== t; });"
                + "shown.forEach(function (e) { var s = getComputedStyle(e);"
                + "  if (s.borderBottomStyle !== 'none' && parseFloat(s.borderBottomWidth) > 0) { found.push(s.borderBottomStyle + ' ' + s.backgroundImage); } });"
                + "return [String(rows), String(t.offsetHeight)].concat(found);", LONG_ANSWER);
        int rows = Integer.parseInt(rules.get(0));
        assertEquals("0", rules.get(1), "in print the textarea itself is not shown (it would clip a long answer)");
        assertTrue(rules.size() - 2 >= rows, "one ruled line per writing line: " + rules);
        assertTrue(rules.subList(2, rules.size()).stream().allMatch(r -> r.equals("solid none")), rules.toString());
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        List<BufferedImage> plain = pages(printToPdf(false));
        List<BufferedImage> withBackgrounds = pages(printToPdf(true));
        assertEquals(plain.size(), withBackgrounds.size());
        for (int p = 0; p < plain.size(); p++) {
            assertArrayEquals(pixels(plain.get(p)), pixels(withBackgrounds.get(p)), "page " + (p + 1) + " prints the same either way");
        }
        assertTrue(ruledLines(plain) >= rows, "the lines are visible with backgrounds off");
    }

    private static List<BufferedImage> pages(byte[] pdfBytes) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            List<BufferedImage> out = new ArrayList<>();
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                out.add(renderer.renderImageWithDPI(i, 50));
            }
            return out;
        }
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** Horizontal lines at least a third of the page wide, counted once however many pixel rows thick. */
    private static int ruledLines(List<BufferedImage> images) {
        int lines = 0;
        for (BufferedImage image : images) {
            boolean inLine = false;
            for (int y = 0; y < image.getHeight(); y++) {
                int run = 0;
                int longest = 0;
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y);
                    int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                    run = grey < 235 ? run + 1 : 0;
                    longest = Math.max(longest, run);
                }
                boolean line = longest > image.getWidth() / 3;
                if (line && !inLine) {
                    lines++;
                }
                inLine = line;
            }
        }
        return lines;
    }

    // ---- Accessible names ------------------------------------------------------------------------

    @Test
    void everyAnswerFieldIsNamedByItsQuestion() {
        for (String page : List.of(QUESTION_PAGE, "prompts.html")) {
            browser.get(server.url(page));
            List<String> wrong = new ArrayList<>();
            for (WebElement prompt : browser.findElements(By.cssSelector(".prompt"))) {
                // The question itself, without the intensity label printed beside it.
                String question = prompt.findElement(By.cssSelector(".prompt-text [id^=q-]")).getText().replaceAll("^\\d+\\.\\s*", "").strip();
                for (WebElement field : prompt.findElements(By.cssSelector("textarea, fieldset"))) {
                    String name = field.getAccessibleName();
                    if (!name.contains(question)) {
                        wrong.add(field.getAttribute("id") + " is called '" + name + "', not '" + question + "'");
                    }
                }
                for (WebElement list : prompt.findElements(By.cssSelector(".checklist"))) {
                    if (!question.equals(String.valueOf(js("var g = arguments[0].closest('[role=group]');"
                            + "var id = g && g.getAttribute('aria-labelledby');"
                            + "return id && document.getElementById(id).textContent.replace(/^\\s*\\d+\\.\\s*/, '').trim();", list)))) {
                        wrong.add("a checklist is not a group named by " + question);
                    }
                }
            }
            assertEquals(List.of(), wrong, page);
            assertFalse(browser.findElements(By.cssSelector(".prompt-rating")).isEmpty() && browser.findElements(By.cssSelector(".prompt-rating fieldset > legend")).isEmpty(),
                    "ratings are fieldsets with a legend");
        }
    }

    // ---- Without JavaScript, and in light and dark ---------------------------------------------

    @Test
    void withJavaScriptOffNoControlThatNeedsItIsShownAndThePageSaysAnswersAreNotSaved() {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        for (String page : List.of(QUESTION_PAGE, "prompts.html", "search.html", "answers.html")) {
            browser.get(server.url(page));
            List<String> shown = new ArrayList<>();
            for (WebElement control : browser.findElements(By.cssSelector("button, select, input[type=search], input[type=file]"))) {
                if (control.isDisplayed()) {
                    shown.add(control.getTagName() + " " + control.getText() + control.getAttribute("outerHTML"));
                }
            }
            assertEquals(List.of(), shown, page + " shows controls that cannot work without JavaScript");
            String notice = browser.findElement(By.cssSelector(".noscript")).getText();
            assertTrue(notice.contains("not saved"), page + ": " + notice);
        }
    }

    @Test
    void everyPagePassesAxeAtWcagAaInLightAndDark() throws Exception {
        String axe = axeSource();
        browser.get(server.url(QUESTION_PAGE));
        browser.findElement(By.id(LONG_ANSWER)).sendKeys("Something to list on My answers.");
        List<String> problems = new ArrayList<>();
        for (String scheme : List.of("light", "dark")) {
            browser.executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("media", "", "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            for (String page : List.of("index.html", "safety.html", QUESTION_PAGE, "signs-of-healing.html", "prompts.html",
                    "answers.html", "search.html?q=mirror", "404.html")) {
                browser.get(server.url(page));
                assertEquals(scheme.equals("dark"), js("return matchMedia('(prefers-color-scheme: dark)').matches;"));
                js(axe);
                String found = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
                        + ".then(function (r) { done(r.violations.map(function (v) {"
                        + "  return v.id + ' ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }).join('; ')); });");
                if (!found.isEmpty()) {
                    problems.add(scheme + " " + page + ": " + found);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** axe-core from the test class path (a Maven test dependency), never from the network. */
    private static String axeSource() {
        return org.hearth.testing.Required.here().axeCore();
    }

    /** What Chromium gives assistive technology for the page now: its full accessibility tree. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> accessibilityTree() {
        browser.executeCdpCommand("Accessibility.enable", Map.of());
        return (List<Map<String, Object>>) browser.executeCdpCommand("Accessibility.getFullAXTree", Map.of()).get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static String ax(Map<String, Object> node, String field) {
        Object v = node.get(field);
        return v instanceof Map<?, ?> m && m.get("value") != null ? String.valueOf(((Map<String, Object>) m).get("value")) : "";
    }

    @Test
    void aRatingScaleIsDescribedByWhatItsEndsMean() {
        browser.get(server.url(QUESTION_PAGE));
        List<String> groups = new ArrayList<>();
        for (Map<String, Object> node : accessibilityTree()) {
            if (ax(node, "role").equals("group") && ax(node, "name").contains("take your own feelings seriously")) {
                groups.add(ax(node, "description"));
            }
        }
        assertEquals(1, groups.size(), groups.toString());
        assertTrue(groups.get(0).matches(".*0.*Very hard.*10.*Very easy.*"), "the group's description: '" + groups.get(0) + "'");
    }

    @Test
    void aMissingPageAtAnyDepthGetsTheReaderHomeWithoutABaseUrl() {
        browser.get(server.url("some/deeper/folder/missing.html"));
        assertEquals("This page is not here", browser.findElement(By.tagName("h1")).getText());
        WebElement home = browser.findElement(By.cssSelector("main a.button"));
        waitForTrue(() -> home.getAttribute("href").equals(server.url("index.html")), "the home link to find the workbook's folder: " + home.getAttribute("href"));
        assertFalse(browser.findElement(By.cssSelector("[data-home-note]")).isDisplayed(), "the explanation is for readers without JavaScript");
        assertEquals("rgb(251, 248, 243)", js("return getComputedStyle(document.body).backgroundColor;"), "styled as the rest of the site");
        assertEquals(server.url("safety.html"), browser.findElement(By.cssSelector("header a.safety-link")).getAttribute("href"));
        // The language switcher appears once the workbook is found, to the other language's home page.
        WebElement spanish = browser.findElement(By.cssSelector("nav.language-switch a[hreflang=es]"));
        assertTrue(spanish.isDisplayed(), "the switcher is shown");
        assertEquals(server.url("es/index.html"), spanish.getAttribute("href"));
        home.click();
        assertEquals(server.url("index.html"), browser.getCurrentUrl());

        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        browser.get(server.url("some/deeper/folder/missing.html"));
        WebElement note = browser.findElement(By.cssSelector("[data-home-note]"));
        assertTrue(note.isDisplayed() && note.getText().contains("address"), note.getText());
        assertFalse(browser.findElement(By.cssSelector("nav.language-switch")).isDisplayed(),
                "without JavaScript no relative address works at this depth: no switcher that leads nowhere");
    }

    /**
     * An address that starts with two slashes ({@code //host/…}) gives the 404 script candidate
     * folders that are protocol-relative addresses of another host; it never tries them, so such a
     * folder never becomes a link or the style sheet. The same host stands in for "another" one here,
     * so that, without the fix, the page would find the workbook there and show it in its links.
     */
    @Test
    void aMissingAddressStartingWithTwoSlashesNeverLinksToAnotherHost() throws IOException {
        Path site = server.root();
        com.sun.net.httpserver.HttpServer host = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        host.createContext("/", ex -> {
            try (ex) {
                String path = ex.getRequestURI().getPath();
                Path file = site.resolve(path.substring(1)).normalize();
                boolean there = path.length() > 1 && file.startsWith(site) && Files.isRegularFile(file);
                byte[] body = Files.readAllBytes(there ? file : site.resolve("404.html"));
                String name = (there ? file : site.resolve("404.html")).getFileName().toString();
                ex.getResponseHeaders().set("Content-Type", name.endsWith(".html") ? "text/html; charset=utf-8"
                        : name.endsWith(".css") ? "text/css" : name.endsWith(".js") ? "text/javascript" : "application/octet-stream");
                ex.sendResponseHeaders(there ? 200 : 404, body.length);
                ex.getResponseBody().write(body);
            }
        });
        host.start();
        try {
            String origin = "http://127.0.0.1:" + host.getAddress().getPort();
            browser.get(origin + "//127.0.0.1:" + host.getAddress().getPort() + "/some/missing.html");
            assertEquals("This page is not here", browser.findElement(By.tagName("h1")).getText());
            WebElement home = browser.findElement(By.cssSelector("main a.button"));
            waitForTrue(() -> !browser.findElement(By.cssSelector("[data-home-note]")).isDisplayed(), "the 404 to find the workbook at the site's root");
            List<?> hrefs = (List<?>) js("return Array.prototype.map.call(document.querySelectorAll('[href]'), function (e) {"
                    + " return e.getAttribute('href'); });");
            assertTrue(hrefs.stream().noneMatch(h -> String.valueOf(h).startsWith("//")), "no protocol-relative link: " + hrefs);
            assertEquals("/index.html", home.getAttribute("href").substring(origin.length()), "home is this host's root");
        } finally {
            host.stop(0);
        }
    }

    /**
     * The review a screen-reader user would make, from Chromium's accessibility tree: every control
     * on an exercise page, "My answers" and the self-check has a name, and the journal's status line
     * is a polite live region. With -Dreader.review=DIR the trees and phone screenshots (light, dark)
     * are written there to be read and looked at.
     */
    @Test
    void theAccessibilityTreeNamesEveryControlAndThePhoneLayoutsAreKept() throws IOException, InterruptedException {
        String dir = System.getProperty("reader.review");
        List<String> unnamed = new ArrayList<>();
        for (String page : List.of(QUESTION_PAGE, "answers.html", "signs-of-healing.html")) {
            browser.get(server.url(page));
            waitForTrue(() -> Boolean.TRUE.equals(js("return document.body.hasAttribute('data-journal-ready');")), "the journal");
            StringBuilder tree = new StringBuilder();
            boolean politeStatus = false;
            for (Map<String, Object> node : accessibilityTree()) {
                String role = ax(node, "role");
                String name = ax(node, "name");
                if (Boolean.TRUE.equals(node.get("ignored")) || role.equals("none") || role.equals("generic") || role.equals("InlineTextBox")) {
                    continue;
                }
                tree.append(role).append(" '").append(name).append("'");
                if (!ax(node, "description").isEmpty()) {
                    tree.append(" — ").append(ax(node, "description"));
                }
                tree.append('\n');
                if (List.of("textbox", "spinbutton", "radio", "checkbox", "button", "link", "combobox", "searchbox", "group", "radiogroup")
                        .contains(role) && name.isBlank()) {
                    unnamed.add(page + ": a " + role + " without a name");
                }
                // A score field (named "line — column"; a date field's day, month and year are spinbuttons too).
                if (role.equals("spinbutton") && name.contains(" — ") && !ax(node, "description").startsWith("Rate each line from")) {
                    unnamed.add(page + ": a score field '" + name + "' without its scale as description");
                }
                politeStatus |= role.equals("status") && String.valueOf(node.get("properties")).contains("polite");
            }
            assertTrue(politeStatus, page + ": the status line is a polite live region");
            if (dir != null) {
                Files.createDirectories(Path.of(dir));
                Files.writeString(Path.of(dir, page + ".ax.txt"), tree, StandardCharsets.UTF_8);
            }
        }
        assertEquals(List.of(), unnamed);
        if (dir == null) {
            return;
        }
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String scheme : List.of("light", "dark")) {
                browser.executeCdpCommand("Emulation.setEmulatedMedia",
                        Map.of("media", "", "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                for (String page : List.of(QUESTION_PAGE, "answers.html", "signs-of-healing.html", "some/deeper/missing.html")) {
                    browser.get(server.url(page));
                    if (page.equals(QUESTION_PAGE)) {
                        WebElement box = browser.findElement(By.id(LONG_ANSWER));
                        box.sendKeys("A few words, to see the status line.");
                        waitForTrue(() -> browser.findElement(By.cssSelector("[data-journal-status]")).getText().startsWith("Saved"), "saved");
                    }
                    if (page.contains("missing")) {
                        waitForTrue(() -> !browser.findElement(By.cssSelector("[data-home-note]")).isDisplayed(), "the 404 to find home");
                        Thread.sleep(300);
                    }
                    if (page.equals("signs-of-healing.html")) {
                        js("document.querySelector('.tracker').scrollIntoView();");
                    }
                    Files.write(Path.of(dir, page.replace('/', '-') + "-" + scheme + ".png"),
                            browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                }
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 900));
        }
    }

    private static void waitForTrue(java.util.function.BooleanSupplier condition, String what) {
        Chromium.waitFor(condition, what, 8);
    }

    // ---- Search ------------------------------------------------------------------------------

    private String searchFor(String query) {
        browser.get(server.url("search.html"));
        WebElement box = browser.findElement(By.cssSelector("[data-search]"));
        box.sendKeys(query);
        return browser.findElement(By.cssSelector("[data-search-results]")).getText();
    }

    @Test
    void searchIgnoresTheKindOfApostrophe() {
        // The page says "can’t" (typographic apostrophe); people type "can't".
        assertTrue(searchFor("can't").contains("About and sources"), "can't finds can’t");
        assertTrue(searchFor("can’t find words").contains("About and sources"));
        assertTrue(searchFor("Ravi's").contains("Remember the good"), "Ravi's finds Ravi’s");
    }

    @Test
    void searchMatchesEnglishWordForms() {
        String results = searchFor("triggered");
        assertFalse(results.isBlank(), "'triggered' finds pages about triggers");
        assertTrue(results.contains("Triggers") || results.contains("trigger"), results);
        assertFalse(searchFor("healed").isBlank(), "'healed' finds healing");
        assertTrue(searchFor("mirr").contains("Mirror work"), "a word still being typed matches");
    }

    @Test
    void searchSaysWhenItShowsOnlySomeResultsAndKeepsTheQueryInTheAddress() {
        searchFor("you");
        String count = browser.findElement(By.cssSelector("[data-search-count]")).getText();
        int shown = browser.findElements(By.cssSelector("[data-search-results] > li")).size();
        assertEquals(50, shown);
        assertTrue(count.matches("Showing 50 of \\d+ results.*"), count);
        assertNotEquals("Showing 50 of 50 results", count);

        searchFor("mirror");
        assertTrue(browser.getCurrentUrl().endsWith("search.html?q=mirror"), browser.getCurrentUrl());
        browser.findElement(By.linkText("Mirror work")).click();
        assertEquals("Mirror work", browser.findElement(By.tagName("h1")).getText());
        browser.navigate().back();
        assertEquals("mirror", browser.findElement(By.cssSelector("[data-search]")).getAttribute("value"));
        assertTrue(browser.findElement(By.cssSelector("[data-search-results]")).getText().contains("Mirror work"), "Back shows the results again");
    }
}
