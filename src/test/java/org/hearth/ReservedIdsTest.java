package org.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hearth.cli.Main;
import org.hearth.model.Routes;
import org.hearth.testing.Golden;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids the site and the PDF depend on: reserved names, duplicate custom prompts, the crisis link. */
class ReservedIdsTest {

    @TempDir
    Path tmp;

    /** Runs the command line from the project folder; returns the exit code and what went to stderr. */
    static String[] hearth(Path project, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), err.toString(), out.toString()};
    }

    private Path projectWithPageId(String id) throws IOException {
        Path content = Golden.copyContent("basic", tmp.resolve("project/content"));
        Path page = content.resolve("pages/welcome.md");
        Files.writeString(page, Files.readString(page, StandardCharsets.UTF_8).replace("id: welcome", "id: " + id), StandardCharsets.UTF_8);
        return content;
    }

    @ParameterizedTest
    @ValueSource(strings = {"search", "index", "404", "answers", "library", "plan", "prompts", "contents", "mine", "media"})
    void aReservedEntryIdIsAPositionedErrorInCheckAndBuild(String id) throws IOException {
        Path content = projectWithPageId(id);
        String[] check = hearth(content.getParent(), "check", "--content", content.toString());
        assertEquals("1", check[0], check[1] + check[2]);
        assertTrue(check[1].contains("welcome.md:2:5: error: id '" + id + "' is reserved"), check[1]);
        String[] build = hearth(content.getParent(), "build", "--content", content.toString(),
                "--out", content.resolveSibling("output").toString(), "-q");
        assertEquals("1", build[0], "a content error, not an internal one: " + build[1]);
        assertTrue(build[1].contains("welcome.md:2:5: error: id '" + id + "' is reserved"), build[1]);
        assertFalse(Files.exists(content.resolveSibling("output")), "nothing written");
    }

    @Test
    void anIdTooLongForAFileNameIsAPositionedErrorInCheckAndBuild() throws IOException {
        String id = "a".repeat(250) + "-x";
        Path content = projectWithPageId(id);
        String expected = "welcome.md:2:5: error: id '" + "a".repeat(20) + "…' is 252 characters long; an id names its page's file and may have at most 100";
        String[] check = hearth(content.getParent(), "check", "--content", content.toString());
        assertEquals("1", check[0], check[1] + check[2]);
        assertTrue(check[1].contains(expected), check[1]);
        String[] build = hearth(content.getParent(), "build", "--content", content.toString(),
                "--out", content.resolveSibling("output").toString(), "-q");
        assertEquals("1", build[0], "a content error, not 'File name too long' at the write: " + build[1]);
        assertTrue(build[1].contains(expected), build[1]);
        assertFalse(Files.exists(content.resolveSibling("output")), "nothing written");
        // A hundred characters is still a page.
        Path page = content.resolve("pages/welcome.md");
        Files.writeString(page, Files.readString(page, StandardCharsets.UTF_8).replace("id: " + id, "id: " + "b".repeat(98) + "-y"),
                StandardCharsets.UTF_8);
        String[] fine = hearth(content.getParent(), "check", "--content", content.toString());
        assertEquals("0", fine[0], fine[1]);
    }

    @Test
    void everyGeneratedPageNameIsReserved() {
        for (String page : Routes.GENERATED_PAGES) {
            assertTrue(Routes.reservedBecause(page.replace(".html", "")).isPresent(), page);
        }
    }

    @Test
    void duplicateCustomPromptIdsAreAPositionedError() throws IOException {
        Path content = Golden.copyContent("basic", tmp.resolve("project/content"));
        Path yml = content.resolve("workbook.yml");
        Files.writeString(yml, Files.readString(yml, StandardCharsets.UTF_8) + """
                  custom:
                    - id: my-sunday
                      text: What would make this Sunday gentle?
                      kind: journal
                    - id: my-sunday
                      text: Another question with the same id.
                      kind: journal
                """, StandardCharsets.UTF_8);
        String[] check = hearth(content.getParent(), "check", "--content", content.toString());
        assertEquals("1", check[0], check[1]);
        assertTrue(check[1].contains("workbook.yml:16:11: error: custom prompt id 'my-sunday' is already used at "), check[1]);
    }

    private Document buildAndOpen(Path content, String page) throws IOException {
        Path out = content.resolveSibling("output");
        String[] build = hearth(content.getParent(), "build", "--content", content.toString(), "--out", out.toString(), "--only", "site", "-q");
        assertEquals("0", build[0], build[1]);
        return Jsoup.parse(out.resolve("site/" + page).toFile(), "UTF-8");
    }

    @Test
    void withoutASafetyPageNoPageLinksToOne() throws IOException {
        Path content = Golden.copyContent("basic", tmp.resolve("project/content"));
        for (String page : new String[] {"index.html", "first.html", "search.html", "404.html"}) {
            Document doc = buildAndOpen(content, page);
            assertTrue(doc.select("a[href=safety.html]").isEmpty(), page + " links to a safety page that does not exist");
            assertTrue(doc.selectFirst(".safety-note").text().contains("call your local emergency number"), page);
        }
    }

    @Test
    void withASafetyPageEveryPageLinksToIt() throws IOException {
        Path content = Golden.copyContent("basic", tmp.resolve("project/content"));
        Files.writeString(content.resolve("pages/safety.md"), """
                ---
                id: safety
                title: Safety and support
                summary: Where to find help.
                part: begin
                order: 2
                ---
                Call your local emergency number.
                """, StandardCharsets.UTF_8);
        Document doc = buildAndOpen(content, "first.html");
        assertEquals(1, doc.select(".site-header a[href=safety.html]").size(), "header");
        assertEquals(1, doc.select(".site-footer a[href=safety.html]").size(), "footer");
    }
}
