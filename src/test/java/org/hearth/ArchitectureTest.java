package org.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md stays true to the code: its package table lists exactly the packages there are. */
class ArchitectureTest {

    private static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(org\\.hearth[a-z0-9.]*)` \\|");
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Za-z]+)(?:\\.[a-z][A-Za-z]*)?`");

    private static String text() throws IOException {
        return Files.readString(ROOT.resolve("ARCHITECTURE.md"), StandardCharsets.UTF_8);
    }

    @Test
    void thePackageTableNamesEveryPackageAndNoOther() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher m = ROW.matcher(text());
        while (m.find()) {
            named.add(m.group(1));
        }
        assertEquals(new TreeSet<>(PackageCycleTest.dependencies().keySet()), named,
                "ARCHITECTURE.md's package table and the packages of src/main/java");
    }

    @Test
    void everyClassItNamesExists() throws IOException {
        Set<String> classes = new TreeSet<>();
        for (String dir : new String[] {"src/main/java", "src/test/java"}) {
            try (var files = Files.walk(ROOT.resolve(dir))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                        .forEach(n -> classes.add(n.substring(0, n.length() - ".java".length())));
            }
        }
        Set<String> missing = new TreeSet<>();
        Matcher m = CODE.matcher(text());
        while (m.find()) {
            if (!classes.contains(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertTrue(missing.isEmpty(), "ARCHITECTURE.md names classes that do not exist: " + missing);
    }
}
