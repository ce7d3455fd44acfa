package org.hearth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Edition;
import org.hearth.model.PageSize;
import org.hearth.model.PdfStandard;
import org.hearth.source.PathNames;
import org.hearth.source.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private List<String> load(String yaml, Diagnostics d) throws IOException {
        Files.writeString(dir.resolve("workbook.yml"), yaml);
        new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, d);
        return d.list().stream().map(Diagnostic::format).toList();
    }

    @Test
    void readsEveryField() throws IOException {
        Files.writeString(dir.resolve("workbook.yml"), """
                title: T
                subtitle: S
                author: A
                language: en-GB
                page_size: letter
                base_url: https://example.org/book
                edition: facilitator
                person: {name: Sam, start_date: 2026-12-01, dedication: For you}
                parts: [{id: one, title: One, summary: First.}]
                selection: {prompts: [a, b]}
                """);
        Diagnostics d = new Diagnostics();
        WorkbookConfig c = new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, d).orElseThrow();
        assertEquals(List.of(), d.list());
        assertEquals(PageSize.LETTER, c.pageSize());
        assertEquals("https://example.org/book/", c.baseUrl());
        assertEquals(Edition.FACILITATOR, c.edition());
        assertEquals("Sam", c.person().name());
        assertEquals("2026-12-01", c.person().startDate().toString());
        assertEquals(List.of("a", "b"), c.selection().prompts().stream().map(r -> r.id()).toList());
        assertEquals("workbook.yml:10:26", c.selection().prompts().get(1).position().toString());
    }

    @Test
    void reportsEveryProblemWithItsPlace() throws IOException {
        List<String> errors = load("""
                subtitle: S
                page_size: B5
                colour: blue
                person: {name: Sam, birthday: 1990-01-01}
                parts:
                  - {id: One Two, title: X}
                  - {id: two}
                """, new Diagnostics());
        assertEquals(List.of(
                "workbook.yml:1:1: error: missing required key 'title' in workbook.yml\n    hint: add a line such as 'title: My workbook'",
                "workbook.yml:2:12: error: unknown page size 'B5'\n    hint: did you mean 'a5'? (use one of: a4, letter, a5, half-letter, 6x9)",
                "workbook.yml:3:1: error: unknown key 'colour' in workbook.yml\n    hint: known keys are: title, subtitle, author, language, page_size, base_url, person, edition, parts, selection, plan, pdf, id, imprint, languages, missing",
                "workbook.yml:4:21: error: unknown key 'birthday' in person\n    hint: known keys are: name, start_date, dedication",
                "workbook.yml:6:10: error: part id 'One Two' is not a valid id\n    hint: use lower-case letters, digits and hyphens, such as 'before-you-begin'",
                "workbook.yml:7:5: error: missing required key 'title' in a part\n    hint: add a line such as 'title: Before you begin'"), errors);
    }

    @Test
    void pdfStandardIsReadAndAnUnknownOneIsAPositionedError() throws IOException {
        Files.writeString(dir.resolve("workbook.yml"), "title: T\npdf: {standard: a2b}\nparts: [{id: a, title: A}]\n");
        Diagnostics d = new Diagnostics();
        WorkbookConfig c = new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, d).orElseThrow();
        assertEquals(List.of(), d.list());
        assertEquals(PdfStandard.A2B, c.pdfStandard());

        List<String> errors = load("title: T\npdf:\n  standard: pdfa\n  colour: red\nparts: [{id: a, title: A}]\n", new Diagnostics());
        assertEquals(List.of(
                "workbook.yml:3:13: error: unknown PDF standard 'pdfa'\n    hint: use one of: ua, a2u, a2b, none",
                "workbook.yml:4:3: error: unknown key 'colour' in pdf\n    hint: known keys are: standard, notes_pages, fold_marks, creep_mm"), errors);
    }

    @Test
    void imprintAndNotesPagesAreReadAndTheirMistakesArePositionedErrors() throws IOException {
        Files.writeString(dir.resolve("workbook.yml"), """
                title: T
                author: The Hearth project
                imprint: {edition: Second edition, date: March 2027, licence: Copy freely.}
                pdf: {notes_pages: 2}
                parts: [{id: a, title: A}]
                """);
        Diagnostics d = new Diagnostics();
        WorkbookConfig c = new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, d).orElseThrow();
        assertEquals(List.of(), d.list());
        assertEquals(new org.hearth.model.Imprint("Second edition", "March 2027", "Copy freely."), c.imprint());
        assertEquals(2, c.notesPages());

        Files.writeString(dir.resolve("workbook.yml"), "title: T\nparts: [{id: a, title: A}]\n");
        WorkbookConfig plain = new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, new Diagnostics()).orElseThrow();
        assertEquals(org.hearth.model.Imprint.NONE, plain.imprint());
        assertEquals(ConfigLoader.DEFAULT_NOTES_PAGES, plain.notesPages());

        List<String> errors = load("title: T\nimprint:\n  edition: Second\n  isbn: 123\npdf: {notes_pages: 40}\nparts: [{id: a, title: A}]\n",
                new Diagnostics());
        assertEquals(List.of(
                "workbook.yml:4:3: error: unknown key 'isbn' in imprint\n    hint: known keys are: edition, date, licence",
                "workbook.yml:5:20: error: notes_pages must be from 0 to 20, not 40\n    hint: write a number such as 4, or leave it out for 4"),
                errors);
    }

    @Test
    void bookletFoldMarksAndCreepAreReadAndTheirMistakesArePositionedErrors() throws IOException {
        Files.writeString(dir.resolve("workbook.yml"), "title: T\npdf: {fold_marks: true, creep_mm: 1.5}\nparts: [{id: a, title: A}]\n");
        Diagnostics d = new Diagnostics();
        WorkbookConfig c = new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, d).orElseThrow();
        assertEquals(List.of(), d.list());
        assertEquals(new org.hearth.model.Imposition(true, 1.5), c.imposition());

        Files.writeString(dir.resolve("workbook.yml"), "title: T\nparts: [{id: a, title: A}]\n");
        assertEquals(org.hearth.model.Imposition.NONE,
                new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, new Diagnostics()).orElseThrow().imposition());

        List<String> errors = load("title: T\npdf:\n  fold_marks: maybe\n  creep_mm: 12\nparts: [{id: a, title: A}]\n", new Diagnostics());
        assertEquals(List.of(
                "workbook.yml:3:15: error: expected 'fold_marks' to be true or false, found 'maybe'\n    hint: write true or false",
                "workbook.yml:4:13: error: creep_mm must be a number of millimetres from 0 to 5, not '12'\n"
                        + "    hint: write about 0.1 per sheet of the booklet, such as 1.5, or leave it out for none"), errors);
        assertEquals(List.of("workbook.yml:2:17: error: creep_mm must be a number of millimetres from 0 to 5, not 'wide'\n"
                + "    hint: write about 0.1 per sheet of the booklet, such as 1.5, or leave it out for none"),
                load("title: T\npdf: {creep_mm: wide}\nparts: [{id: a, title: A}]\n", new Diagnostics()));
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        List<String> errors = load("title: A\ntitle: B\nparts: [{id: a, title: A}]\n", new Diagnostics());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("workbook.yml:2:1: error: duplicate key 'title'"), errors.toString());
    }

    @Test
    void theWorkbookIdKeysSavedAnswersAndDefaultsToTheTitlesSlug() throws IOException {
        Diagnostics d = new Diagnostics();
        Files.writeString(dir.resolve("workbook.yml"), "title: \"Café Notes: Part 2!\"\nparts: [{id: a, title: A}]\n");
        WorkbookConfig derived = new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, d).orElseThrow();
        assertEquals("cafe-notes-part-2", derived.id());
        Files.writeString(dir.resolve("workbook.yml"), "id: my-book\ntitle: Renamed\nparts: [{id: a, title: A}]\n");
        assertEquals("my-book", new ConfigLoader(new YamlReader(), new PathNames(dir)).load(dir, d).orElseThrow().id());
        assertEquals(List.of(), d.list());
        assertEquals("workbook", ConfigLoader.slug("¿¡!"));
    }

    @Test
    void aBadWorkbookIdIsAnErrorAtItsPlace() throws IOException {
        List<String> errors = load("title: T\nid: My Book\nparts: [{id: a, title: A}]\n", new Diagnostics());
        assertEquals(List.of("workbook.yml:2:5: error: workbook id 'My Book' is not a valid id\n"
                + "    hint: use up to 64 lower-case letters, digits and hyphens, such as 'coming-home'; keep it once readers have answers"), errors);
    }
}
