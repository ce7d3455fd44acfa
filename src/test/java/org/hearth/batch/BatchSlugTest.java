package org.hearth.batch;

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
import org.hearth.Overrides;
import org.hearth.cli.Main;
import org.hearth.diag.Diagnostics;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.source.PathNames;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The people file's slug column: checked per row, case-folded for collisions; each PDF written as it finishes. */
class BatchSlugTest {

    @TempDir
    Path project;

    private String[] run(Path csv) {
        Path content = Golden.fixtures().resolve("basic/content");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"build", "-q", "--content", content.toString(), "--out", project.resolve("output").toString(),
            "--people", csv.toString()}, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private List<String> built() throws IOException {
        try (Stream<Path> files = Files.list(project.resolve("output/people"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSlugThatLeavesTheFolderSkipsOnlyItsRow() throws IOException {
        Path csv = project.resolve("people.csv");
        Files.writeString(csv, "name,slug\nSam,sam\nEve,../../escape\nAda,\nBo,a/b\nCy,.hidden\n");
        String[] r = run(csv);
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("people.csv:3:5: error: '../../escape' cannot be a slug"), r[2]);
        assertTrue(r[2].contains("people.csv:5:4: error: 'a/b' cannot be a slug"), r[2]);
        assertTrue(r[2].contains("people.csv:6:4: error: '.hidden' cannot be a slug"), r[2]);
        assertEquals(List.of("ada.pdf", "sam.pdf"), built());
        assertTrue(Files.notExists(project.resolve("escape.pdf")) && Files.notExists(project.getParent().resolve("escape.pdf")));
    }

    @Test
    void slugsThatDifferOnlyInCaseCollide() throws IOException {
        Path csv = project.resolve("people.csv");
        Files.writeString(csv, "name,slug\nSam One,Sam\nSam Two,sam\nZed,\n");
        String[] r = run(csv);
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("people.csv:3:9: error: two rows would both write people/sam.pdf (row 2 has 'Sam')"), r[2]);
        assertEquals(List.of("Sam.pdf", "zed.pdf"), built());
    }

    @Test
    void eachWorkbookIsOnDiskAsSoonAsItIsBuilt() throws IOException {
        Path csv = project.resolve("people.csv");
        Files.writeString(csv, "name\nAda\nBo\nCy\n");
        Path out = project.resolve("output");
        List<Person> people = new PeopleFile(new PathNames(project)).read(csv, new Diagnostics());
        BuildRequest base = new BuildRequest(Golden.fixtures().resolve("basic/content"), null, out, false, true,
                PrintOptions.DEFAULT, Overrides.NONE, null);
        List<String> onDiskWhenDone = new ArrayList<>();
        BatchBuilder.Result result = new BatchBuilder(new Hearth(project)).build(base, people, "people.csv", (done, total, slug, ok) -> {
            try (Stream<Path> staged = Files.walk(project)) {
                // Written to the staging folder, not the output folder: that is replaced in one step at the end.
                staged.filter(p -> p.toString().endsWith("people/" + slug + ".pdf") && !p.startsWith(out))
                        .findAny().ifPresent(p -> onDiskWhenDone.add(slug));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(3, result.built());
        assertEquals(List.of("ada", "bo", "cy"), onDiskWhenDone.stream().sorted().toList());
        assertEquals(List.of("ada.pdf", "bo.pdf", "cy.pdf"), built());
    }
}
