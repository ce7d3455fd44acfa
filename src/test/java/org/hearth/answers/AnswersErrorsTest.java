package org.hearth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken answers files ({@code src/test/resources/answers/broken/}): each fails {@code hearth build
 * --answers} with exactly the messages in its {@code .expected} file (position, message, hint),
 * exit code 1, and nothing written.
 */
class AnswersErrorsTest {

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> eachBrokenFileFailsWithItsMessage() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(AnswersFiles.root().resolve("broken"))) {
            files = s.filter(p -> !p.toString().endsWith(".expected")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Path o = out.resolve(f.getFileName().toString());
            AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", o.toString(),
                    "--answers", Path.of("").toAbsolutePath().relativize(f).toString());
            assertEquals(1, r.code(), r.err());
            Golden.assertMatches(Path.of(f + ".expected"), r.err().replace(o.toString(), "OUT"));
            assertFalse(Files.exists(o), "nothing is written when the answers cannot be used");
        }));
    }

    @Test
    void tooLargeAFileIsRefusedBeforeItIsParsed(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[AnswersReader.MAX_BYTES + 1]);
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.resolve("o").toString(),
                "--answers", big.toString());
        assertEquals(1, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.err().contains("error: the answers file is 5.0 MB; an answers export is at most 5 MB"), r.err());
    }

    @Test
    void answeredOnlyWithoutAnswersIsAWrongCommandLine() {
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--answered-only");
        assertEquals(2, r.code(), r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.err().contains("--answered-only and --answers-any-workbook need --answers FILE"), r.err());
    }
}
