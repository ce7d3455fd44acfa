package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streams as {@code main} makes them (auto-flush acts on println only) and then exits: a
 * command's last words printed with {@code print}, such as a successful keepsake build's warning
 * that answers were left out, must reach the terminal before the process ends.
 */
class MainStreamsTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    @Test
    void aSuccessfulBuildsWarningsAreWrittenOutBeforeTheCommandReturns(@TempDir Path out) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Path fixtures = ROOT.resolve("src/test/resources/answers");
        int code = Main.run(new String[] {"build", "--content", fixtures.resolve("content").toString(), "--out", out.toString(),
                "--answers", fixtures.resolve("answers.json").toString()},
                new PrintWriter(stdout, true, StandardCharsets.UTF_8), new PrintWriter(stderr, true, StandardCharsets.UTF_8));
        // No flush here: System.exit follows run() in main.
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err);
        assertTrue(err.contains("1 answer is not for questions of this selection and is left out: gone--old-prompt"), err);
    }
}
