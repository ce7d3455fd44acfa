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
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CheckCommandTest {

    @TempDir
    Path tmp;

    private static String[] run(String fixture, LocalDate today, String... extra) {
        return run(Golden.fixtures().resolve(fixture), today, extra);
    }

    /** The basic fixture, copied, with {@code baseUrlLine} added to its workbook.yml. */
    private Path basicWith(String baseUrlLine) throws IOException {
        Path content = Golden.copyContent("basic", tmp.resolve("content"));
        Path yml = content.resolve("workbook.yml");
        Files.writeString(yml, Files.readString(yml, StandardCharsets.UTF_8) + baseUrlLine, StandardCharsets.UTF_8);
        return tmp;
    }

    private static String[] run(Path dir, LocalDate today, String... extra) {
        CheckCommand command = new CheckCommand();
        command.today = today;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] args = new String[2 + extra.length + 2];
        args[0] = "--content";
        args[1] = dir.resolve("content").toString();
        args[2] = "--templates";
        args[3] = dir.resolve("templates").toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        int code = cli.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void aCleanProjectHasNoProblems() throws IOException {
        String[] r = run(basicWith("base_url: https://example.org/small-book/\n"), LocalDate.of(2026, 12, 1));
        assertEquals("0", r[0], r[2]);
        assertEquals("", r[2]);
        assertTrue(r[1].startsWith("No problems found ("), r[1]);
    }

    @Test
    void oldResourceDatesAreWarningsNotErrors() throws IOException {
        String[] r = run(basicWith("base_url: https://example.org/small-book/\n"), LocalDate.of(2027, 11, 2));
        assertEquals("0", r[0]);
        assertTrue(r[2].startsWith("1. ") && r[2].contains("resources.yml:1:3: warning: 'Example Helpline' was last verified on 2026-11-01, "
                + "more than 12 months ago"), r[2]);
        assertTrue(r[1].startsWith("0 errors and 1 warning ("), r[1]);
    }

    @Test
    void aMissingBaseUrlIsAWarningOnTheFile() {
        String[] r = run("basic", LocalDate.of(2026, 12, 1));
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].startsWith("1. ") && r[2].contains("workbook.yml:1:1: warning: no base_url, so the site has no sitemap.xml "
                + "and no canonical links"), r[2]);
        assertTrue(r[2].contains("hint: add the site's public address, such as base_url: https://example.org/workbook/"), r[2]);
        assertTrue(r[1].startsWith("0 errors and 1 warning ("), r[1]);
    }

    @Test
    void aPlainHttpBaseUrlIsAWarningAtTheKey() throws IOException {
        String[] r = run(basicWith("base_url: http://example.org/small-book/\n"), LocalDate.of(2026, 12, 1));
        assertEquals("0", r[0], r[2]);
        // The fixture's workbook.yml has 11 lines; the key is on line 12, its value at column 11.
        assertTrue(r[2].startsWith("1. ") && r[2].contains("workbook.yml:12:11: warning: base_url is not https"), r[2]);
        assertTrue(r[1].startsWith("0 errors and 1 warning ("), r[1]);
    }

    @Test
    void templateErrorsAreFoundWithoutWritingAnything() {
        String[] r = run("broken-template-error", LocalDate.of(2026, 12, 1));
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("templates/site/entry.ftlh:4:6: error: template error while rendering"), r[2]);
        assertTrue(r[1].startsWith("1 error and 1 warning"), r[1]); // the warning: the fixture has no base_url
    }

    @Test
    void contentErrorsAreAllListed() {
        String[] r = run("broken-unsafe-link", LocalDate.of(2026, 12, 1));
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("1. ") && r[2].contains("\n3. "), r[2]);
        assertTrue(r[1].startsWith("3 errors and 1 warning"), r[1]); // the warning: the fixture has no base_url
    }
}
