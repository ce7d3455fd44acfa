package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 404 page works at any depth below the site root, and crisis numbers are tap-to-call links on
 * the site: the default workbook built without and with {@code base_url}, read with jsoup.
 */
class NotFoundAndResourcesTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final String BASE = "https://example.org/workbook/";

    @TempDir
    static Path tmp;
    static Path plain;
    static Path based;

    @BeforeAll
    static void build() throws IOException {
        plain = site("plain", false);
        based = site("based", true);
    }

    private static Path site(String name, boolean withBase) throws IOException {
        Path content = tmp.resolve(name + "/content");
        try (Stream<Path> files = Files.walk(ROOT.resolve("content"))) {
            for (Path f : files.toList()) {
                Path target = content.resolve(ROOT.resolve("content").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        if (withBase) {
            Files.writeString(content.resolve("workbook.yml"), "\nbase_url: " + BASE + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        new Hearth(ROOT).build(new BuildRequest(content, ROOT.resolve("templates"), tmp.resolve(name + "/out"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE, null));
        return tmp.resolve(name + "/out/site");
    }

    private static Document page(Path site, String name) throws IOException {
        return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
    }

    @Test
    void withBaseUrlEveryLinkOfThe404IsAbsolute() throws IOException {
        Document page = page(based, "404.html");
        List<String> targets = page.select("[href], [src]").stream()
                .map(e -> e.hasAttr("href") ? e.attr("href") : e.attr("src")).toList();
        assertFalse(targets.isEmpty());
        for (String t : targets) {
            assertTrue(t.startsWith(BASE), t + " works at any depth");
        }
        assertTrue(page.selectFirst("link[rel=stylesheet]").attr("href").matches(java.util.regex.Pattern.quote(BASE) + "assets/site\\.[0-9a-f]{10}\\.css"), "the stylesheet by its absolute, fingerprinted address");
        assertEquals(BASE + "index.html", page.selectFirst("main a.button").attr("href"));
        assertTrue(page.selectFirst("footer").text().contains("If you are in crisis"));
        // The language switcher goes to each language's home page by its absolute address, shown from the start.
        Element switcher = page.selectFirst("nav.language-switch");
        assertEquals(BASE + "es/index.html", switcher.selectFirst("a[hreflang=es]").attr("href"));
        assertFalse(switcher.hasAttr("hidden"), "nothing to wait for with absolute addresses");
        assertEquals(BASE + "index.html", page(based, "es/404.html").selectFirst("nav.language-switch a[hreflang=en]").attr("href"));
    }

    @Test
    void withoutBaseUrlThe404NeedsNoOtherFileAndLinksToTheRoot() throws IOException {
        Document page = page(plain, "404.html");
        assertTrue(page.select("link[rel=stylesheet], link[rel=icon]:not([href=data:,]), script[src], img").isEmpty(),
                "nothing that a relative address would break below the root");
        // Without JavaScript the links go to the host's root (the search link, relative, stays hidden)
        // and a note says how to get back; the inline script points them at the workbook's folder.
        for (Element a : page.select("a[href]:not(.safety-link)")) {
            assertTrue(a.attr("href").equals("/") || a.parent().hasAttr("hidden"), a.outerHtml());
        }
        assertTrue(page.selectFirst("[data-home-note]").text().contains("address"));
        assertEquals(NotFoundScript.SOURCE, page.selectFirst("script:not([src])").data());
        assertEquals("safety.html", page.selectFirst("header a.safety-link").attr("href"), "right for a missing page at the top level");
        assertTrue(page.selectFirst("footer").text().contains("call your local emergency number"));
    }

    @Test
    void crisisNumbersAreTapToCallLinksOnTheSite() throws IOException {
        Document safety = page(plain, "safety.html");
        List<String> calls = safety.select(".resources-table a[href^=tel:]").stream()
                .map(a -> a.attr("href") + " " + a.text()).toList();
        assertTrue(calls.containsAll(List.of("tel:988 988", "tel:116123 116 123", "tel:112 112", "tel:18007997233 1-800-799-7233",
                "tel:08001111 0800 1111")), calls.toString());
        // A number that only takes texts opens the messages app with the word to send.
        assertEquals("sms:88788?&body=START", safety.selectFirst(".resources-table a:contains(88788)").attr("href"));
        // Every number the resources list is a link, with only the digits in its address.
        assertEquals(safety.select(".resources-table a[href^=tel:]").size(), calls.stream().filter(c -> c.matches("tel:\\d+ .*")).count());
        assertTrue(safety.selectFirst(".resources-table").text().contains("Call 116 123 free, any time"), "the text reads as before");
    }
}
