package org.hearth.batch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.source.PathNames;

/**
 * Fuzz target: the people CSV. Reading it gives rows whose slugs are plain, distinct (case-folded)
 * file names, and diagnostics with a line in the file; no other exception escapes.
 * {@code mvn test} replays {@code src/test/resources/org/hearth/batch/PeopleFileFuzzTestInputs/}.
 */
class PeopleFileFuzzTest {

    private final Path dir;
    private final Path csv;
    private final PeopleFile reader;

    PeopleFileFuzzTest() throws IOException {
        dir = Files.createTempDirectory("hearth-fuzz-");
        dir.toFile().deleteOnExit();
        csv = dir.resolve("people.csv");
        reader = new PeopleFile(new PathNames(dir));
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"name", "slug", "edition", "start_date", "dedication", "tags", "exclude_tags", ",", "\\\"", "\\\"\\\"", "\\x0A",
            "\\x0D\\x0A", "client", "facilitator", "2026-01-31", "../", "/", ".", ";", "\\xC3\\xA9", "\\xEF\\xBB\\xBF"})
    void read(byte[] input) throws IOException {
        Files.write(csv, input);
        Diagnostics d = new Diagnostics();
        List<Diagnostic> problems;
        Set<String> slugs = new HashSet<>();
        try {
            for (Person p : reader.read(csv, d)) {
                assertTrue(p.slug().matches("[A-Za-z0-9][A-Za-z0-9_-]*") && slugs.add(p.slug().toLowerCase(Locale.ROOT)), p.slug());
            }
            problems = d.list();
        } catch (BuildFailure f) {
            problems = f.diagnostics();
        }
        for (Diagnostic problem : problems) {
            assertTrue(problem.position().line() >= 1 && problem.position().file().equals("people.csv"), "not positioned: " + problem.format());
        }
    }
}
