package org.hearth.render.site;

import org.hearth.testing.SiteBuild;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hearth.Hearth;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built site of the default workbook: private, self-contained and safe. */
class SiteOutputTest {

    @TempDir
    static Path tmp;
    static Path site;
    static List<Path> pages = new ArrayList<>();

    @BeforeAll
    static void build() throws IOException {
        SiteBuild.defaultWorkbook(tmp.resolve("out"));
        site = tmp.resolve("out/site");
        try (Stream<Path> s = Files.walk(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    void noPageOrStylesheetReferencesAnythingOutsideTheSite() throws IOException {
        List<String> external = new ArrayList<>();
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            // Loaded resources: anything but plain links the reader chooses to follow.
            for (Element el : doc.select("script[src], link[href], img[src], source[src], iframe, object, embed, video, audio, form[action]")) {
                String url = el.hasAttr("src") ? el.attr("src") : el.hasAttr("href") ? el.attr("href") : el.attr("action");
                if (url.isEmpty() || url.matches("(?i)^([a-z][a-z0-9+.-]*:|//).*") && !url.startsWith("data:")) {
                    external.add(site.relativize(page) + ": <" + el.tagName() + "> " + url);
                }
            }
            for (Element el : doc.select("[style]")) {
                external.add(site.relativize(page) + ": inline style " + el.attr("style"));
            }
        }
        Pattern cssUrl = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)");
        Pattern jsNetwork = Pattern.compile("\\b(fetch|XMLHttpRequest|sendBeacon|WebSocket|EventSource|importScripts)\\b");
        try (Stream<Path> s = Files.walk(site)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".css") || p.toString().endsWith(".js")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                Matcher m = cssUrl.matcher(text);
                while (m.find()) {
                    if (m.group(1).matches("(?i)^([a-z][a-z0-9+.-]*:|//).*") && !m.group(1).startsWith("data:")) {
                        external.add(site.relativize(f) + ": url(" + m.group(1) + ")");
                    }
                }
                if (text.contains("@import")) {
                    external.add(site.relativize(f) + ": @import");
                }
                Matcher n = jsNetwork.matcher(text);
                // The service worker fetches, but only this site's own files (requests in its scope),
                // to keep them for offline reading; JournalBrowserTest checks it from the browser.
                boolean ownFilesOnly = f.getFileName().toString().equals("sw.js")
                        && text.contains("request.url.indexOf(self.registration.scope) !== 0) { return; }");
                if (n.find() && !ownFilesOnly) {
                    external.add(site.relativize(f) + ": " + n.group(1) + " (the site must make no network requests)");
                }
            }
        }
        assertEquals(List.of(), external);
    }

    @Test
    void everyPageStartsItsHeadWithAContentSecurityPolicyAndLinksToSafety() throws IOException {
        assertTrue(pages.size() > 20, "pages: " + pages.size());
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            Element first = doc.head().child(0);
            assertEquals("Content-Security-Policy", first.attr("http-equiv"), page + ": the CSP must be the first element of head");
            assertTrue(first.attr("content").contains("default-src 'none'") && !first.attr("content").contains("unsafe"), page.toString());
            assertTrue(!doc.select("header a[href=safety.html]").isEmpty(), page + " has no link to the safety page in its header");
            // The one inline script is the 404 page's own, which the CSP allows by its hash.
            assertTrue(doc.select("script:not([src])").stream().allMatch(sc -> page.endsWith("404.html")
                    && sc.data().equals(NotFoundScript.SOURCE) && first.attr("content").contains(NotFoundScript.HASH_SOURCE)),
                    page + " has an inline script");
        }
    }

    @Test
    void theSearchIndexIsAScriptThatCannotBreakOutOfItsStrings() throws IOException {
        String index = Files.readString(asset("search-index.js"));
        assertTrue(index.startsWith("// Generated by Hearth"));
        assertTrue(index.contains("title: \"Mirror work\""), "exercises are indexed");
        assertTrue(index.contains("\"acknowledge--ack-big-reaction\": {title: "), "answer labels are included");
        assertEquals("\"a\\\"b\\u003c/script\\u003e\\n\"", SearchIndex.js("a\"b</script>\n"));
    }

    @Test
    void theSiteHasItsToolPages() throws IOException {
        for (String name : List.of("index.html", "safety.html", "prompts.html", "answers.html", "search.html", "404.html",
                "signs-of-healing.html", "about.html", "robots.txt", "_headers", ".htaccess", "asset-manifest.json")) {
            assertTrue(Files.exists(site.resolve(name)), name);
        }
        for (String name : List.of("site.js", "journal.js", "journal-answers.js", "site.css", "fonts/Yrsa-Regular.woff2", "favicon.svg", "search-index.js", "lunr.min.js")) {
            assertTrue(Files.exists(asset(name)), name);
        }
    }

    /**
     * Every page loads the journal's core; only My answers also loads the code for its list, import,
     * export and lock controls, so an exercise page's first visit does not carry it (BENCHMARKS.md, "Page weight").
     */
    @Test
    void onlyMyAnswersLoadsTheAnswersPageScript() throws IOException {
        String core = site.relativize(asset("journal.js")).toString();
        String answersPage = site.relativize(asset("journal-answers.js")).toString();
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            List<String> scripts = doc.select("script[src]").eachAttr("src").stream().map(s -> s.replaceFirst("^(\\.\\./)+", "")).toList();
            String name = site.relativize(page).toString();
            if (name.endsWith("404.html")) {
                continue; // a 404 page (one per language) runs only its own small script
            }
            assertTrue(scripts.contains(core), name + " loads " + scripts);
            assertEquals(name.endsWith("answers.html"), scripts.contains(answersPage), name + " loads " + scripts);
            if (name.equals("answers.html")) {
                assertTrue(scripts.indexOf(core) < scripts.indexOf(answersPage), "the core runs first: " + scripts);
                assertTrue(doc.selectFirst("script[src$=\"" + answersPage.substring(answersPage.lastIndexOf('/') + 1) + "\"]").hasAttr("defer"));
            }
        }
    }

    /** An asset by its plain name, found under its content-hashed name through the manifest. */
    static Path asset(String name) throws IOException {
        String manifest = Files.readString(site.resolve("asset-manifest.json"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\": \"([^\"]+)\"").matcher(manifest);
        assertTrue(m.find(), name + " is not in " + manifest);
        return site.resolve(m.group(1));
    }
}
