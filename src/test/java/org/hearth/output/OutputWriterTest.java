package org.hearth.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hearth.diag.BuildFailure;
import org.hearth.render.OutputFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

    @TempDir
    Path project;

    Path content;
    final OutputWriter writer = new OutputWriter();

    @BeforeEach
    void setUp() throws IOException {
        content = Files.createDirectories(project.resolve("content"));
    }

    @Test
    void writesFilesAndAMarkerAndReplacesThePreviousBuildWhole() throws IOException {
        Path out = project.resolve("output");
        writer.write(out, List.of(OutputFile.text("site/a.html", "A"), OutputFile.text("workbook.pdf", "P")), Set.of(), project, content);
        assertEquals("A", Files.readString(out.resolve("site/a.html")));
        assertTrue(Files.exists(out.resolve(OutputWriter.MARKER)));
        writer.write(out, List.of(OutputFile.text("site/b.html", "B")), Set.of(), project, content);
        assertFalse(Files.exists(out.resolve("site/a.html")), "stale files from the previous build must go");
        assertFalse(Files.exists(out.resolve("workbook.pdf")));
        assertEquals("B", Files.readString(out.resolve("site/b.html")));
        assertEquals(List.of("output"), siblings(), "no staging or old folders may be left behind");
    }

    @Test
    void aLargePreviousBuildIsRemovedWhole() throws IOException {
        Path out = project.resolve("output");
        List<OutputFile> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(OutputFile.text("site/" + (i % 3 == 0 ? "assets/deep/" : "") + "p" + i + ".html", "page " + i));
        }
        writer.write(out, many, Set.of(), project, content);
        Path link = out.resolve("site/link");
        Files.createSymbolicLink(link, content);
        Files.writeString(content.resolve("kept.md"), "the link's target stays");
        writer.write(out, List.of(OutputFile.text("site/only.html", "new")), Set.of(), project, content);
        try (Stream<Path> s = Files.walk(out)) {
            assertEquals(List.of("", ".hearth-build", "site", "site/only.html"),
                    s.map(p -> out.relativize(p).toString()).sorted().toList());
        }
        assertEquals(List.of("output"), siblings(), "no staging or old folders may be left behind");
        assertTrue(Files.exists(content.resolve("kept.md")), "a link in the old build is removed, never followed");
    }

    @Test
    void aFilePutWhileRenderingIsWrittenAtOnceAndNotAgain() throws Exception {
        Path out = project.resolve("output");
        try (OutputWriter.Staged staged = writer.stage(out, project, content)) {
            OutputFile page = OutputFile.text("site/a.html", "A page");
            OutputFile standIn = staged.under("site/").put(page.at("a.html"));
            assertEquals("a.html", standIn.path(), "the renderer keeps its own path");
            assertEquals(page.size(), standIn.size());
            assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(page.bytes())),
                    java.util.HexFormat.of().formatHex(standIn.standIn()), "the stand-in's digest is its bytes' SHA-256");
            assertFalse(Files.exists(out), "nothing reaches the output folder before the commit");
            // The build hands the stand-in over again with everything else: it is not written twice.
            staged.addAll(List.of(standIn.at("site/a.html"), OutputFile.text("site/b.html", "B")));
            assertEquals("A page", new String(standIn.bytes(), java.nio.charset.StandardCharsets.UTF_8), "read back if asked for");
            // Another file at a path already written is a mistake, as it always was.
            assertThrows(IllegalStateException.class, () -> staged.add(OutputFile.text("site/a.html", "other")));
            staged.commit(Set.of());
        }
        assertEquals("A page", Files.readString(out.resolve("site/a.html")));
        assertEquals("B", Files.readString(out.resolve("site/b.html")));
        assertEquals(List.of("output"), siblings());
    }

    @Test
    void filesPutBeforeAFailureNeverReachTheOutputFolder() throws IOException {
        Path out = project.resolve("output");
        writer.write(out, List.of(OutputFile.text("site/a.html", "old")), Set.of(), project, content);
        try (OutputWriter.Staged staged = writer.stage(out, project, content)) {
            staged.put(OutputFile.text("site/a.html", "new"));
            staged.put(OutputFile.text("site/b.html", "new"));
            // The build fails here, before its commit.
        }
        assertEquals("old", Files.readString(out.resolve("site/a.html")));
        assertFalse(Files.exists(out.resolve("site/b.html")));
        assertEquals(List.of("output"), siblings(), "the staged pages go with their folder");
    }

    @Test
    void pagesStillArrivingWhenAFailedBuildClosesItsFolderAreRefusedAndTheFolderStaysGone() throws Exception {
        Path out = project.resolve("output");
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(4);
        List<Thread> workers = new java.util.ArrayList<>();
        try (OutputWriter.Staged staged = writer.stage(out, project, content)) {
            for (int w = 0; w < 4; w++) {
                int worker = w;
                workers.add(Thread.ofPlatform().start(() -> {
                    // Like the site's pages rendered on every core: they go on after another page failed.
                    for (int i = 0; i < 100_000; i++) {
                        try {
                            staged.put(OutputFile.text("site/w" + worker + "/p" + i + ".html", "page " + i));
                        } catch (IllegalStateException e) {
                            refused.incrementAndGet();
                            return;
                        } finally {
                            if (i == 10) {
                                writing.countDown();
                            }
                        }
                    }
                }));
            }
            writing.await(); // every worker has written pages: now the build fails
        }
        for (Thread t : workers) {
            t.join();
        }
        assertEquals(4, refused.get(), "each worker's next page was refused");
        assertEquals(List.of(), siblings(), "the folder is gone, and no late page made it again");
    }

    @Test
    void partialBuildsKeepTheOtherOutput() throws IOException {
        Path out = project.resolve("output");
        writer.write(out, List.of(OutputFile.text("site/a.html", "A"), OutputFile.text("workbook.pdf", "P")), Set.of(), project, content);
        writer.write(out, List.of(OutputFile.text("site/a.html", "A2")), Set.of("workbook.pdf"), project, content);
        assertEquals("P", Files.readString(out.resolve("workbook.pdf")));
        assertEquals("A2", Files.readString(out.resolve("site/a.html")));
    }

    @Test
    void refusesDangerousOutputFolders() {
        List<Path> bad = List.of(project, project.getRoot(), Path.of(System.getProperty("user.home")), content, project.getParent());
        for (Path out : bad) {
            assertThrows(BuildFailure.class, () -> writer.write(out, List.of(OutputFile.text("x", "x")), Set.of(), project, content), out.toString());
        }
    }

    @Test
    void neverReplacesAFolderHearthDidNotMake() throws IOException {
        Path out = Files.createDirectories(project.resolve("mine"));
        Files.writeString(out.resolve("thesis.txt"), "precious");
        BuildFailure f = assertThrows(BuildFailure.class,
                () -> writer.write(out, List.of(OutputFile.text("x", "x")), Set.of(), project, content));
        assertTrue(f.diagnostics().get(0).message().contains("did not write"), f.diagnostics().toString());
        assertEquals("precious", Files.readString(out.resolve("thesis.txt")));
    }

    @Test
    void rejectsPathsThatEscapeTheOutputFolder() {
        Path out = project.resolve("output");
        assertThrows(IllegalStateException.class,
                () -> writer.write(out, List.of(OutputFile.text("../escape.txt", "x")), Set.of(), project, content));
        assertFalse(Files.exists(project.resolve("escape.txt")));
        assertFalse(Files.exists(out));
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(project)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("content")).sorted().toList();
        }
    }
}
