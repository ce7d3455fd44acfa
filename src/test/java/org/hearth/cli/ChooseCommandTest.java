package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.testing.Golden;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The chooser, driven through a real JLine terminal on piped streams, and the YAML it writes. */
class ChooseCommandTest {

    @TempDir
    Path dir;

    private Path copyFixture() {
        return Golden.copyContent("basic", dir.resolve("content"));
    }

    private int run(Path content, String keys, StringWriter out) throws IOException {
        ChooseCommand command = new ChooseCommand();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        // A dumb terminal on piped streams: the same JLine reader and writer as a real one, fed keystrokes.
        try (Terminal terminal = new DumbTerminal(new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen)) {
            command.testTerminal = terminal;
            CommandLine cli = new CommandLine(command);
            cli.setOut(new PrintWriter(out));
            int code = cli.execute("--content", content.toString());
            assertTrue(screen.toString(StandardCharsets.UTF_8).contains("[x] What did you feel today?"), "the list was drawn");
            return code;
        }
    }

    @Test
    void untickingAPromptAndSavingRewritesOnlyTheSelection() throws IOException {
        Path content = copyFixture();
        String before = Files.readString(content.resolve("workbook.yml"));
        StringWriter out = new StringWriter();
        // Cursor starts on the exercise heading: move to its first prompt, untick it, save.
        assertEquals(0, run(content, "j s", out));
        assertEquals("Saved 4 prompts to " + content.resolve("workbook.yml") + ".\n", out.toString());
        String after = Files.readString(content.resolve("workbook.yml"));
        assertEquals(before.substring(0, before.indexOf("selection:")), after.substring(0, after.indexOf("selection:")),
                "everything before the selection is untouched");
        assertTrue(after.endsWith("""
                selection:
                  prompts:
                    - mirror-one
                    - letter-one
                    - check-one
                    - rate-one
                """), after);
    }

    @Test
    void filteringThenTickingAllAddsOnlyWhatIsShown() throws IOException {
        Path content = copyFixture();
        assertEquals(0, run(content, "/not chosen\ras", new StringWriter()));
        String after = Files.readString(content.resolve("workbook.yml"));
        assertTrue(after.contains("    - left-out\n"), after);
        assertTrue(after.contains("    - notice-one\n"), after);
    }

    @Test
    void quittingSavesNothing() throws IOException {
        Path content = copyFixture();
        String before = Files.readString(content.resolve("workbook.yml"));
        StringWriter out = new StringWriter();
        assertEquals(0, run(content, "j q", out));
        assertEquals("Nothing saved.\n", out.toString());
        assertEquals(before, Files.readString(content.resolve("workbook.yml")));
    }

    @Test
    void refusesToRunWithoutATerminal() {
        StringWriter err = new StringWriter();
        // Under the test runner System.console() is null, as it is when input is piped.
        assertEquals(2, Main.run(new String[] {"choose", "--content", dir.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err)));
        assertTrue(err.toString().startsWith("error: 'hearth choose' needs an interactive terminal"), err.toString());
    }

    @Test
    void savingReplacesTheFileAtomicallyInsteadOfOverwritingItInPlace() throws IOException {
        Path content = copyFixture();
        Path file = content.resolve("workbook.yml");
        String before = Files.readString(file);
        // A second name for the same file: an in-place write would change it too, a move over the
        // old name (the atomic way) leaves the old file behind under the second name.
        Path second = content.resolve("old-workbook.yml");
        Files.createLink(second, file);
        assertEquals(0, run(content, "j s", new StringWriter()));
        assertEquals(before, Files.readString(second), "the old file was not overwritten in place");
        assertTrue(Files.readString(file).contains("mirror-one"), Files.readString(file));
        try (var left = Files.list(content)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(), "no temporary file left");
        }
    }

    @Test
    void aFlowSelectionOverSeveralLinesIsEditedWhereItStands() throws IOException {
        Path content = copyFixture();
        Path file = content.resolve("workbook.yml");
        // The selection as a flow mapping over two lines: still valid YAML after the edit, no duplicate key.
        String yaml = Files.readString(file).replace("selection:\n  prompts:", "selection: {prompts:") + "}\n";
        Files.writeString(file, yaml);
        assertEquals(0, run(content, "j s", new StringWriter()));
        assertTrue(Files.readString(file).contains("selection: {prompts: [mirror-one, letter-one, check-one, rate-one]"), Files.readString(file));
    }

    @Test
    void selectionWriterKeepsCommentsAndOtherSettings() throws Exception {
        String yaml = """
                # My client's workbook
                title: T
                selection:
                  # chosen with care
                  prompts: [a, b]
                  limit_per_exercise: 3
                plan: {days: 5}
                """;
        assertEquals("""
                # My client's workbook
                title: T
                selection:
                  # chosen with care
                  prompts:
                    - c
                  limit_per_exercise: 3
                plan: {days: 5}
                """, SelectionWriter.withPrompts(yaml, List.of("c")));
        assertEquals("title: T\nselection:\n  prompts:\n    - x\n", SelectionWriter.withPrompts("title: T\n", List.of("x")));
        assertEquals("selection:\n  prompts:\n    - y\n  order: given\n",
                SelectionWriter.withPrompts("selection:\n  prompts:\n    - a\n    - b\n  order: given\n", List.of("y")));
    }
}
