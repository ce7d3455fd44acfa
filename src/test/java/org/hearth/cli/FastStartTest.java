package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastStartTest {

    @TempDir
    Path dir;

    @Test
    void theCacheLivesBesideTheJar() {
        assertEquals(Path.of("/opt/hearth/hearth.aot"), FastStart.cacheFor(Path.of("/opt/hearth/hearth.jar")));
    }

    @Test
    void theContentFolderIsReadFromTheCommandLikePicocliDoes() {
        assertEquals(Path.of("content"), FastStart.contentDir(new String[] {"build", "-q"}));
        assertEquals(Path.of("my/book"), FastStart.contentDir(new String[] {"build", "--content", "my/book", "-q"}));
        assertEquals(Path.of("other"), FastStart.contentDir(new String[] {"check", "--content=other"}));
    }

    @Test
    void smallWorkbooksAreToldApartFromLargeOnes() throws IOException {
        Files.createDirectories(dir.resolve("pages"));
        Files.createDirectories(dir.resolve("exercises"));
        Files.writeString(dir.resolve("pages/a.md"), "");
        Files.writeString(dir.resolve("exercises/b.md"), "");
        Files.writeString(dir.resolve("exercises/notes.txt"), "");
        assertEquals(2, FastStart.markdownFiles(dir));
        for (int i = 0; i < FastStart.SMALL_WORKBOOK + 5; i++) {
            Files.writeString(dir.resolve("exercises/e" + i + ".md"), "");
        }
        assertTrue(FastStart.markdownFiles(dir) > FastStart.SMALL_WORKBOOK);
        assertEquals(0, FastStart.markdownFiles(dir.resolve("missing")));
    }

    @Test
    void longRunningCommandsAndTestsRunInThisJvm() {
        // serve and choose stay here; and a JVM not started with -jar (like this test's) never relaunches.
        assertTrue(FastStart.run(new String[] {"serve"}).isEmpty());
        assertTrue(FastStart.run(new String[] {"build", "-q"}).isEmpty());
    }
}
