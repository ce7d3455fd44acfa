package org.hearth.select;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Workbook;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;

/**
 * Fuzz target: the selection language ({@code selection:} in workbook.yml, read by
 * {@code config.Selection} and applied by {@link PromptSelector}). Whatever is written there, the
 * result is a workbook or diagnostics at a line of a file, never another exception.
 * {@code mvn test} replays {@code src/test/resources/org/hearth/select/SelectionFuzzTestInputs/}.
 */
class SelectionFuzzTest {

    private final Path project;
    private final Path content;
    private final Hearth hearth;
    private final String head;

    SelectionFuzzTest() throws IOException {
        project = Files.createTempDirectory("hearth-fuzz-");
        project.toFile().deleteOnExit();
        content = Golden.copyContent("basic", project.resolve("content"));
        hearth = new Hearth(project);
        String yml = Files.readString(content.resolve("workbook.yml"), StandardCharsets.UTF_8);
        head = yml.substring(0, yml.indexOf("selection:"));
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"selection:\\x0A", "  prompts: [", "  include:\\x0A", "  exclude:\\x0A", "    ids: [", "    tags: [", "    kinds: [",
            "    intensities: [", "  limit_per_exercise: ", "  order: given", "  custom:\\x0A", "    - id: ", "      text: ",
            "      kind: ", "      exercise: ", "notice-one", "mirror-one", "letter-one", "check-one", "rate-one", "left-out",
            "self-compassion", "journal", "gentle", "deep", "first", "]", ", ", "\\x0A"})
    void select(byte[] input) throws IOException {
        Files.write(content.resolve("workbook.yml"), (head + new String(input, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        Diagnostics d = new Diagnostics();
        List<Diagnostic> problems;
        try {
            Workbook w = hearth.prepare(new BuildRequest(content, null, project.resolve("output"), true, true, PrintOptions.DEFAULT,
                    Overrides.NONE, null), d);
            assertTrue(w != null);
            problems = d.list();
        } catch (BuildFailure f) {
            problems = f.diagnostics();
        }
        for (Diagnostic problem : problems) {
            // Usually in workbook.yml, but a selection can surface a problem in an exercise: any file, at a line.
            assertTrue(problem.position().line() >= 1 && !problem.position().file().isBlank(), "not positioned: " + problem.format());
        }
    }
}
