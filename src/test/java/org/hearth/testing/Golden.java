package org.hearth.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison. Run the tests with {@code -Dgolden.update=true} to rewrite the expected
 * files from the actual output; review the diff before committing.
 */
public final class Golden {

    private Golden() {
    }

    /** True when golden files should be rewritten instead of compared. */
    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
    }

    /** Compares {@code actual} with the file, or rewrites the file when updating. */
    public static void assertMatches(Path expectedFile, String actual) {
        try {
            if (updating()) {
                Files.createDirectories(expectedFile.getParent());
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
                return;
            }
            String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : "<missing: run with -Dgolden.update=true>";
            assertEquals(expected, actual, "golden file " + expectedFile + " differs (rerun with -Dgolden.update=true if the change is intended)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a fixture's {@code content/} folder to {@code dest} (for tests that edit it). */
    public static Path copyContent(String fixture, Path dest) {
        Path from = fixtures().resolve(fixture).resolve("content");
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path to = dest.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dest;
    }

    /** The source folder of the test fixtures (not the copy in target/), so updates land in git. */
    public static Path fixtures() {
        String root = System.getProperty("hearth.project.root", ".");
        return Path.of(root, "src", "test", "resources", "fixtures").toAbsolutePath().normalize();
    }
}
