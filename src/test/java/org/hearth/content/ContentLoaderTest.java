package org.hearth.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.model.PromptKind;
import org.hearth.source.PathNames;
import org.hearth.source.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentLoaderTest {

    @TempDir
    Path dir;

    private Content load(Diagnostics d) {
        return new ContentLoader(new YamlReader(), new PathNames(dir)).load(dir, d);
    }

    private static List<String> messages(Diagnostics d) {
        return d.list().stream().map(Diagnostic::format).toList();
    }

    @Test
    void bodyKeepsItsRealLineNumbers() throws IOException {
        Files.createDirectories(dir.resolve("exercises"));
        Files.writeString(dir.resolve("exercises/a.md"), """
                ---
                id: a
                title: A
                summary: An exercise.
                part: p
                order: 2
                intensity: deep
                prompts: [x, y]
                ---
                Body starts here.
                """);
        Diagnostics d = new Diagnostics();
        Content c = load(d);
        assertEquals(List.of(), messages(d));
        SourceDocument doc = c.documents().get(0);
        assertEquals(10, doc.body().firstLine());
        assertEquals("exercises/a.md:10:1", doc.body().atOffset(0).toString());
        assertEquals(List.of("x", "y"), doc.meta().prompts().stream().map(r -> r.id()).toList());
        assertEquals("exercises/a.md:8:11", doc.meta().prompts().get(0).position().toString());
    }

    @Test
    void pagesMayNotOfferPromptsAndKindsAreChecked() throws IOException {
        Files.createDirectories(dir.resolve("pages"));
        Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(dir.resolve("pages/p.md"), "---\nid: p\ntitle: P\nsummary: S.\npart: x\norder: 1\nprompts: [a]\n---\n");
        Files.writeString(dir.resolve("prompts/all.yml"), """
                - id: good
                  text: Fine.
                  kind: checklist
                  items: [one]
                - id: bad
                  text: Wrong.
                  kind: jornal
                - id: letter
                  text: Dear.
                  kind: journal
                  starter: Dear me,
                - id: good
                  text: Again.
                  kind: box
                """);
        Diagnostics d = new Diagnostics();
        Content c = load(d);
        assertEquals(List.of(
                "pages/p.md:7:10: error: a page cannot offer prompts\n    hint: move the file to content/exercises/ (and add 'intensity:') to make it an exercise",
                "prompts/all.yml:7:9: error: unknown prompt kind 'jornal'\n    hint: did you mean 'journal'? (use one of: journal, letter, mirror, checklist, rating, box)",
                "prompts/all.yml:11:12: error: 'starter' only applies to letter prompts, not journal\n    hint: remove the 'starter' line or change 'kind' to letter",
                "prompts/all.yml:12:3: error: prompt id 'good' is already used at prompts/all.yml:1:3\n    hint: give every prompt its own id"),
                messages(d));
        assertEquals(PromptKind.CHECKLIST, c.prompts().get("good").kind());
    }

    /**
     * A checklist says that it invites the reader's own item with {@code other: true} (the print
     * edition's "Other:" line and the site's Other field come from it, not from the prompt's words);
     * the key on any other kind is a positioned error, and a misspelt key stays an unknown key.
     */
    @Test
    void otherIsAChecklistKeyAndAnErrorElsewhere() throws IOException {
        Files.createDirectories(dir.resolve("prompts"));
        Files.writeString(dir.resolve("prompts/all.yml"), """
                - id: joys
                  text: Which of these? Tick them.
                  kind: checklist
                  items: [one, two]
                  other: true
                - id: plain
                  text: Which of these? Add your own.
                  kind: checklist
                  items: [one]
                - id: written
                  text: What happened?
                  kind: journal
                  other: true
                - id: typo
                  text: Which?
                  kind: checklist
                  items: [one]
                  others: true
                """);
        Diagnostics d = new Diagnostics();
        Content c = load(d);
        List<String> m = messages(d);
        assertEquals(2, m.size(), m.toString());
        assertEquals("prompts/all.yml:13:10: error: 'other' only applies to checklist prompts, not journal\n"
                + "    hint: remove the 'other' line or change 'kind' to checklist", m.get(0));
        assertTrue(m.get(1).startsWith("prompts/all.yml:18:3: error: unknown key 'others'"), m.get(1));
        assertTrue(c.prompts().get("joys").other());
        assertFalse(c.prompts().get("plain").other(), "the words 'add your own' alone no longer ask for a line");
    }

    @Test
    void aReloadReadsOnlyChangedFilesAndStillReportsEveryProblem() throws IOException {
        Files.createDirectories(dir.resolve("exercises"));
        String front = "---\nid: %s\ntitle: T\nsummary: S.\npart: p\norder: 1\nintensity: gentle\n---\n%s\n";
        Files.writeString(dir.resolve("exercises/a.md"), front.formatted("a", "A body."));
        Files.writeString(dir.resolve("exercises/b.md"), front.formatted("b", "B body."));
        Files.writeString(dir.resolve("exercises/c.md"), "---\nid: c\ntitle: C\n---\n");
        ContentLoader loader = new ContentLoader(new YamlReader(), new PathNames(dir));
        Diagnostics first = new Diagnostics();
        Content before = loader.load(dir, first);

        Files.writeString(dir.resolve("exercises/b.md"), front.formatted("b", "B body, edited at more length."));
        Files.delete(dir.resolve("exercises/a.md"));
        Diagnostics second = new Diagnostics();
        Content after = loader.load(dir, second);

        assertEquals(List.of("b", "c"), after.documents().stream().map(SourceDocument::id).toList());
        SourceDocument b = after.documents().get(0);
        assertEquals("b", b.id());
        assertTrue(b.body().text().contains("edited"), "the edited file is read again");
        assertFalse(before.documents().stream().anyMatch(x -> x == b));
        // The unchanged broken file is not parsed again, but its problems are reported again.
        assertEquals(messages(first), messages(second));
        assertFalse(messages(second).isEmpty());

        Diagnostics third = new Diagnostics();
        Content again = loader.load(dir, third);
        assertSame(b, again.documents().get(0), "an unchanged file is not read again");
        assertEquals(messages(second), messages(third));
    }

    @Test
    void anEditorsLockLinkIsNotAnExercise() throws IOException {
        Files.createDirectories(dir.resolve("exercises"));
        Files.writeString(dir.resolve("exercises/a.md"),
                "---\nid: a\ntitle: T\nsummary: S.\npart: p\norder: 1\nintensity: gentle\n---\nBody.\n");
        // Emacs marks a file being edited with a link to nowhere named .#a.md.
        Files.createSymbolicLink(dir.resolve("exercises/.#a.md"), Path.of("user@host.1234"));
        Diagnostics d = new Diagnostics();
        Content c = load(d);
        assertEquals(List.of(), messages(d));
        assertEquals(List.of("a"), c.documents().stream().map(SourceDocument::id).toList());
    }

    @Test
    void linksInsideTheFolderAreFollowedOnceAndALoopEnds() throws IOException {
        // The walk looks only at links' targets (not at every file's real path): a folder linked in
        // is read under the link's name, a link back to a folder that holds it is not walked round
        // and round, and an edit made through a linked file is seen by a loader that read it before.
        Files.createDirectories(dir.resolve("shared"));
        Files.createDirectories(dir.resolve("exercises"));
        Files.writeString(dir.resolve("shared/b.md"),
                "---\nid: b\ntitle: T\nsummary: S.\npart: p\norder: 2\nintensity: gentle\n---\nFirst.\n");
        Files.writeString(dir.resolve("shared/a.md"),
                "---\nid: a\ntitle: T\nsummary: S.\npart: p\norder: 1\nintensity: gentle\n---\nBody.\n");
        Files.createSymbolicLink(dir.resolve("exercises/linked"), dir.resolve("shared"));
        Files.createSymbolicLink(dir.resolve("exercises/a.md"), dir.resolve("shared/a.md"));
        Files.createSymbolicLink(dir.resolve("shared/loop"), dir);
        ContentLoader loader = new ContentLoader(new YamlReader(), new PathNames(dir));
        Diagnostics d = new Diagnostics();
        Content c = loader.load(dir, d);
        assertEquals(List.of(), messages(d));
        assertEquals(List.of("a"), c.documents().stream().map(SourceDocument::id).toList(),
                "exercises/ holds a.md (a link to a file); files in a linked folder below it are not exercises");
        Files.writeString(dir.resolve("shared/a.md"),
                "---\nid: a\ntitle: T\nsummary: S.\npart: p\norder: 1\nintensity: gentle\n---\nBody, edited at more length.\n");
        Content again = loader.load(dir, new Diagnostics());
        assertTrue(again.documents().get(0).body().text().contains("edited"), "the edit through the link is read");
    }

    private static String exercise(String id, int order, String body) {
        return "---\nid: " + id + "\ntitle: T\nsummary: S.\npart: p\norder: " + order + "\nintensity: gentle\n---\n" + body + "\n";
    }

    private static List<String> ids(Content c) {
        return c.documents().stream().map(SourceDocument::id).toList();
    }

    @Test
    void aWatchedFolderIsUpdatedAtTheChangedPathsAndWalkedWholeWhenEventsWereLost() throws IOException {
        Files.createDirectories(dir.resolve("exercises"));
        Files.writeString(dir.resolve("exercises/a.md"), exercise("a", 1, "First."));
        ContentLoader.Memo memo = new ContentLoader.Memo();
        ContentLoader loader = new ContentLoader(new YamlReader(), new PathNames(dir), memo);
        Path abs = dir.toAbsolutePath().normalize();
        memo.watching();
        assertEquals(List.of("a"), ids(loader.load(dir, new Diagnostics()))); // a whole walk, remembered

        // Reported changes: an edit, a new file, then a new folder's pages and a deleted file.
        Files.writeString(dir.resolve("exercises/a.md"), exercise("a", 1, "Edited at more length."));
        Files.writeString(dir.resolve("exercises/b.md"), exercise("b", 2, "Second."));
        memo.changed(java.util.Set.of(abs.resolve("exercises/a.md"), abs.resolve("exercises/b.md")));
        Content c = loader.load(dir, new Diagnostics());
        assertEquals(List.of("a", "b"), ids(c));
        assertTrue(c.documents().get(0).body().text().contains("Edited"));
        Files.createDirectories(dir.resolve("pages"));
        Files.writeString(dir.resolve("pages/p.md"), "---\nid: p\ntitle: T\nsummary: S.\npart: p\norder: 0\n---\nPage.\n");
        Files.delete(dir.resolve("exercises/b.md"));
        memo.changed(java.util.Set.of(abs.resolve("pages"), abs.resolve("exercises/b.md")));
        assertEquals(List.of("p", "a"), ids(loader.load(dir, new Diagnostics())));

        // A file the watcher did not report is not looked at while the walk is trusted...
        Files.writeString(dir.resolve("exercises/c.md"), exercise("c", 3, "Unreported."));
        assertEquals(List.of("p", "a"), ids(loader.load(dir, new Diagnostics())));
        // ...and the folder itself reported (the watcher lost events) walks it all again.
        memo.changed(java.util.Set.of(abs));
        assertEquals(List.of("p", "a", "c"), ids(loader.load(dir, new Diagnostics())));

        // Without a watcher every load walks the folder.
        ContentLoader plain = new ContentLoader(new YamlReader(), new PathNames(dir));
        plain.load(dir, new Diagnostics());
        Files.writeString(dir.resolve("exercises/d.md"), exercise("d", 4, "Also unreported."));
        assertEquals(List.of("p", "a", "c", "d"), ids(plain.load(dir, new Diagnostics())));
    }
}
