package org.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The default content is written in its own words: the shared source-overlap tool (beside the
 * repository, as in CI) must find no run of eight words shared with the source article.
 */
class SourceOriginalityTest {

    @Test
    void contentSharesNoSentenceWithItsSource() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
        Path tool = root.resolveSibling("shared").resolve("tools/source-overlap");
        assumeTrue(Files.isRegularFile(tool), "the shared tools are not beside this checkout");
        Process p = new ProcessBuilder("python3", tool.toString(), "content", "templates")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
    }
}
