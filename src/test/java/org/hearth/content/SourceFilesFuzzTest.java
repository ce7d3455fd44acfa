package org.hearth.content;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;

/**
 * Fuzz target: reading a page's front matter and {@code workbook.yml}. The first byte picks the
 * file, the rest is its content, as bytes (so encodings are fuzzed too); reading and checking the
 * project may only end in diagnostics with a file and line (in whichever file the problem shows),
 * never in another exception.
 * {@code mvn test} replays {@code src/test/resources/org/hearth/content/SourceFilesFuzzTestInputs/}.
 */
class SourceFilesFuzzTest {

    private final Path project;
    private final Path content;
    private final Hearth hearth;
    private final byte[] welcome;
    private final byte[] workbook;

    SourceFilesFuzzTest() throws IOException {
        project = Files.createTempDirectory("hearth-fuzz-");
        project.toFile().deleteOnExit();
        content = Golden.copyContent("basic", project.resolve("content"));
        hearth = new Hearth(project);
        welcome = Files.readAllBytes(content.resolve("pages/welcome.md"));
        workbook = Files.readAllBytes(content.resolve("workbook.yml"));
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"---\\x0A", "id: ", "title: ", "summary: ", "part: ", "order: ", "tags: [", "intensity: ", "prompts:\\x0A  - ",
            "parts:\\x0A  - id: ", "selection:\\x0A  ", "include:\\x0A    tags: [", "&a ", "*a", "!!binary", "<<: ", "? ",
            "\\x09", "\\x0D\\x0A", "\\xC3\\xA9"})
    void read(byte[] input) throws IOException {
        boolean page = input.length > 0 && (input[0] & 1) == 1;
        byte[] text = input.length > 0 ? Arrays.copyOfRange(input, 1, input.length) : input;
        Files.write(content.resolve("pages/welcome.md"), page ? text : welcome);
        Files.write(content.resolve("workbook.yml"), page ? workbook : text);
        Diagnostics d = new Diagnostics();
        List<Diagnostic> problems;
        try {
            hearth.prepare(new BuildRequest(content, null, project.resolve("output"), true, true, PrintOptions.DEFAULT,
                    Overrides.NONE, null), d);
            problems = d.list();
        } catch (BuildFailure f) {
            problems = f.diagnostics();
        }
        // A problem may be reported in another file (an exercise naming a part the fuzzed
        // workbook.yml no longer has), but always at a line of some file.
        for (Diagnostic problem : problems) {
            assertTrue(problem.position().line() >= 1 && !problem.position().file().isBlank(), "not positioned: " + problem.format());
        }
    }
}
