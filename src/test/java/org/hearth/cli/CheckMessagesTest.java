package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hearth check} on a project from {@code hearth init} with one of each kind of problem: exact messages. */
class CheckMessagesTest {

    @TempDir
    Path dir;

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }

    @Test
    void everyProblemIsListedWithItsPlaceAndHint() throws IOException {
        Path project = init();
        Path content = project.resolve("content");
        edit(content.resolve("exercises/three-good-things.md"), "prompts: [good-today, good-why, good-rating]",
                "prompts: [good-today, good-wyh, good-rating]");
        edit(content.resolve("pages/welcome.md"), "[Safety and support](safety.md)",
                "[Safety and support](safety.md#nowhere), [more](missing.md) and ![a drawing](images/none.png)");
        edit(content.resolve("data/resources.yml"), "verified: 2026-11-24", "verified: 2025-01-10");

        String[] r = check(project);
        assertEquals("1", r[0], r[2]);
        assertEquals("""
                1. exercises/three-good-things.md:10:23: error: unknown prompt id 'good-wyh'
                    hint: did you mean 'good-why'?
                2. pages/welcome.md:12:13: error: link 'safety.md#nowhere' points to a heading that does not exist
                    hint: that page has no headings to link to
                3. pages/welcome.md:12:54: error: link target not found: pages/missing.md
                    hint: link to another page as ../pages/NAME.md or ../exercises/NAME.md
                4. pages/welcome.md:12:77: error: image not found: pages/images/none.png
                    hint: put the image under content/ and check the path
                5. data/resources.yml:3:3: warning: 'Find A Helpline' was last verified on 2025-01-10, more than 12 months ago
                    hint: check that its contact details still work, then update 'verified'
                """, r[2]);
        assertTrue(r[1].matches("4 errors and 1 warning \\(\\d+\\.\\d\\d s\\)\\.\\R"), r[1]);
        assertTrue(!Files.exists(project.resolve("output")), "check writes nothing");
    }

    @Test
    void anUnknownFrontMatterKeyIsAnErrorWithTheKnownKeys() throws IOException {
        Path project = init();
        edit(project.resolve("content/exercises/three-good-things.md"), "tags: [joy]", "tags: [joy]\ncolour: blue");
        String[] r = check(project);
        assertEquals("1", r[0], r[2]);
        assertEquals("""
                1. exercises/three-good-things.md:8:1: error: unknown key 'colour' in front matter
                    hint: known keys are: id, title, summary, part, order, tags, duration, intensity, prompts
                """, r[2]);
        assertTrue(r[1].startsWith("1 error and 0 warnings ("), r[1]);
    }

    private Path init() throws IOException {
        Path project = dir.resolve("p");
        assertEquals(0, Main.run(new String[] {"init", project.toString()}, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter())));
        // Published somewhere, so check has no hosting advice to add to the messages under test.
        Path yml = project.resolve("content/workbook.yml");
        Files.writeString(yml, Files.readString(yml, StandardCharsets.UTF_8) + "\nbase_url: https://example.org/workbook/\n",
                StandardCharsets.UTF_8);
        return project;
    }

    /** Runs check on the project as of 2026-12-01; returns exit code, stdout and stderr (paths relative to content/). */
    private static String[] check(Path project) {
        CheckCommand command = new CheckCommand();
        command.today = LocalDate.of(2026, 12, 1);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        Path content = project.resolve("content");
        int code = cli.execute("--content", content.toString(), "--templates", project.resolve("templates").toString());
        return new String[] {String.valueOf(code), out.toString(), err.toString().replace(content + "/", "")};
    }
}
