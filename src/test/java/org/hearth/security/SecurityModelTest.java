package org.hearth.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SECURITY.md's threat model is kept honest: every row names at least one test, every named test
 * exists (class under src/test/java, method declared on it), and every input and threat the model
 * promises to cover has a row.
 */
class SecurityModelTest {

    static final String HEADER = "| Input | Threat | Defence | Test |";
    static final List<String> INPUTS = List.of("Content files", "YAML", "Markdown", "Templates", "Images and SVG", "CSV",
            "Command-line paths", "Serve port", "Browser journal", "Journal import");
    static final List<String> THREATS = List.of("Script in the site", "Reading outside the project", "Writing outside output/",
            "Resource exhaustion", "Corrupted user files", "Lost answers", "Non-reproducible output");

    /** One row of the table, with its line in SECURITY.md. */
    record Row(int line, String input, String threat, String defence, List<String> tests) {
    }

    private static Path root() {
        return Path.of(System.getProperty("hearth.project.root", "."));
    }

    static List<Row> rows(String markdown) {
        List<String> lines = markdown.lines().toList();
        int header = lines.indexOf(HEADER);
        assertTrue(header >= 0, "SECURITY.md has the table header " + HEADER);
        List<Row> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i).strip();
            String[] cells = line.substring(1, line.length() - 1).split("\\|", -1);
            assertEquals(4, cells.length, "SECURITY.md:" + (i + 1) + ": a row has four cells: " + line);
            List<String> tests = Arrays.stream(cells[3].split(",")).map(s -> s.strip().replace("`", ""))
                    .filter(s -> !s.isEmpty()).toList();
            rows.add(new Row(i + 1, cells[0].strip(), cells[1].strip(), cells[2].strip(), tests));
        }
        return rows;
    }

    /** Every test class under src/test/java by simple name, as fully qualified names (a name may be used twice). */
    private static Map<String, List<String>> testClasses() throws IOException {
        Path tests = root().resolve("src/test/java");
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(p -> tests.relativize(p).toString().replace('\\', '/').replaceAll("\\.java$", "").replace('/', '.'))
                    .collect(Collectors.groupingBy(n -> n.substring(n.lastIndexOf('.') + 1)));
        }
    }

    /** What is wrong with one test reference, or null when it names a real test method. */
    static String problem(String reference, Map<String, List<String>> classes, Function<String, Class<?>> load) {
        if (!reference.matches("[A-Z][A-Za-z0-9_]*#[a-z][A-Za-z0-9_]*")) {
            return "'" + reference + "' is not ClassName#methodName";
        }
        String simple = reference.substring(0, reference.indexOf('#'));
        String method = reference.substring(reference.indexOf('#') + 1);
        List<String> candidates = classes.getOrDefault(simple, List.of());
        if (candidates.isEmpty()) {
            return "no test class " + simple + " under src/test/java";
        }
        for (String name : candidates) {
            Class<?> type = load.apply(name);
            if (type != null && Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(method::equals)) {
                return null;
            }
        }
        return "test class " + simple + " has no method " + method;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SecurityModelTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Test
    void everyRowNamesTestsThatExist() throws IOException {
        String text = Files.readString(root().resolve("SECURITY.md"), StandardCharsets.UTF_8);
        Map<String, List<String>> classes = testClasses();
        List<String> problems = new ArrayList<>();
        List<Row> rows = rows(text);
        assertTrue(rows.size() >= INPUTS.size(), "the table has rows");
        for (Row row : rows) {
            if (row.tests().isEmpty()) {
                problems.add("SECURITY.md:" + row.line() + ": the row has no test");
            }
            if (row.defence().isEmpty()) {
                problems.add("SECURITY.md:" + row.line() + ": the row has no defence");
            }
            for (String reference : row.tests()) {
                String problem = problem(reference, classes, SecurityModelTest::load);
                if (problem != null) {
                    problems.add("SECURITY.md:" + row.line() + ": " + problem);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyInputAndEveryThreatHasARow() throws IOException {
        List<Row> rows = rows(Files.readString(root().resolve("SECURITY.md"), StandardCharsets.UTF_8));
        Set<String> inputs = rows.stream().map(Row::input).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> threats = rows.stream().map(Row::threat).collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(Set.copyOf(INPUTS), Set.copyOf(inputs), "inputs in the table");
        assertTrue(threats.containsAll(THREATS), "every threat has a row: " + threats);
        for (String input : INPUTS) {
            assertTrue(rows.stream().filter(r -> r.input().equals(input)).count() >= 2, input + " has rows for what threatens it");
        }
    }

    @Test
    void theCheckerFindsMissingTestsAndPlaceholders() {
        Map<String, List<String>> classes = Map.of("SecurityModelTest", List.of(SecurityModelTest.class.getName()));
        Function<String, Class<?>> load = SecurityModelTest::load;
        assertEquals(null, problem("SecurityModelTest#everyRowNamesTestsThatExist", classes, load));
        assertEquals("test class SecurityModelTest has no method noSuchTest", problem("SecurityModelTest#noSuchTest", classes, load));
        assertEquals("no test class NoSuchTest under src/test/java", problem("NoSuchTest#anything", classes, load));
        assertEquals("'just words' is not ClassName#methodName", problem("just words", classes, load));
        assertEquals("'TODO' is not ClassName#methodName", problem("TODO", classes, load), "a placeholder is not a test");
        List<Row> rows = rows("x\n" + HEADER + "\n|---|---|---|---|\n| YAML | Lost answers | A defence |  |\n");
        assertEquals(List.of(), rows.get(0).tests(), "an empty test cell is seen as no test");
    }
}
