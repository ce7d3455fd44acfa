package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Entry;
import org.hearth.model.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitAndNewTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void initMakesAProjectThatBuildsAndNewAddsAnExerciseToIt() throws IOException {
        Path project = dir.resolve("journal");
        assertEquals(0, run("init", project.toString(), "--theme", "--title", "Sam's \"little\" book"));
        assertTrue(Files.exists(project.resolve("templates/pdf/book.ftlx")), "the theme was copied");
        Path content = project.resolve("content");
        assertEquals(0, run("new", "exercise", "Kind Words", "--content", content.toString()));
        String exercise = Files.readString(content.resolve("exercises/kind-words.md"));
        assertTrue(exercise.startsWith("---\nid: kind-words\ntitle: \"Kind Words\"\n"), exercise);
        assertTrue(exercise.contains("part: exercises\norder: 20\n"), exercise);

        Path out = project.resolve("output");
        new Hearth(project).build(new BuildRequest(content, project.resolve("templates"), out));
        assertTrue(Files.exists(out.resolve("workbook.pdf")) && Files.exists(out.resolve("site/kind-words.html")));
        Workbook wb = new Hearth(project).prepare(new BuildRequest(content, null, out), new Diagnostics());
        // The title survives YAML quoting, and is read back with typographic quotes like all prose.
        assertEquals("Sam\u2019s \u201clittle\u201d book", wb.book().title());
        assertTrue(Files.readString(content.resolve("workbook.yml")).contains("\nid: sam-s-little-book\n"), "init writes a stable id");
        assertEquals("sam-s-little-book", wb.book().id());
        assertEquals(List.of("three-good-things", "kind-words"), wb.entries().stream().filter(Entry::exercise).map(Entry::id).toList());
    }

    @Test
    void neitherCommandOverwritesAnything() throws IOException {
        Path project = dir.resolve("p");
        assertEquals(0, run("init", project.toString()));
        String yaml = Files.readString(project.resolve("content/workbook.yml"));
        Files.writeString(project.resolve("content/workbook.yml"), yaml + "# my edit\n");
        assertEquals(2, run("init", project.toString()));
        assertTrue(Files.readString(project.resolve("content/workbook.yml")).endsWith("# my edit\n"));
        Path content = project.resolve("content");
        assertEquals(2, run("new", "exercise", "Three good things!", "--content", content.toString()),
                "an exercise with the same id exists already");
    }

    @Test
    void themeListNamesEveryThemeFile() throws IOException {
        Path theme = Path.of(System.getProperty("hearth.project.root", ".")).resolve("templates");
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(theme.resolve("theme.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                listed.add(line.strip());
            }
        }
        List<String> present;
        try (Stream<Path> files = Files.walk(theme)) {
            present = files.filter(Files::isRegularFile).map(p -> theme.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("theme.txt")).sorted().toList();
        }
        assertEquals(present, listed.stream().sorted().toList());
    }
}
