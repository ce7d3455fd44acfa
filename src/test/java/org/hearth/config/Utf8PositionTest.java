package org.hearth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hearth.cli.Main;
import org.hearth.diag.BuildFailure;
import org.hearth.source.StrictUtf8;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid UTF-8 is reported at the line and column of its first bad byte, in every file Hearth reads. */
class Utf8PositionTest {

    @TempDir
    Path project;

    @Test
    void theFirstBadByteIsPositioned() {
        byte[] bytes = "first line\nZoë and caf\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, bad, 0, bytes.length);
        bad[bytes.length] = (byte) 0xE9; // Latin-1 é
        bad[bytes.length + 1] = 'x';
        bad[bytes.length + 2] = (byte) 0xFF;
        BuildFailure f = org.junit.jupiter.api.Assertions.assertThrows(BuildFailure.class, () -> new StrictUtf8().decode(bad, "notes.md"));
        assertEquals("notes.md:2:13: error: the file is not valid UTF-8 (byte 0xE9)", f.diagnostics().get(0).format().lines().findFirst().get());
        assertEquals("a\nb", new StrictUtf8().decode("a\nb".getBytes(StandardCharsets.UTF_8), "ok.md"));
    }

    @Test
    void contentFilesWorkbookYmlAndPeopleFilesAllSayWhere() throws IOException {
        Path content = copy(Golden.fixtures().resolve("basic/content"), project.resolve("content"));
        Path page = content.resolve("pages/welcome.md");
        Files.write(page, latin1(Files.readString(page).replace("Take your time.", "Take your time, café.")));
        Path yml = content.resolve("workbook.yml");
        Files.write(yml, latin1(Files.readString(yml).replace("author: Hearth tests", "author: Hearth tésts")));
        String[] check = run("check", "--content", content.toString());
        assertEquals("1", check[0], check[1] + check[2]);
        assertTrue(check[2].contains("workbook.yml:3:17: error: the file is not valid UTF-8 (byte 0xE9)"), check[2]);

        Files.write(yml, Files.readString(yml, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8));
        check = run("check", "--content", content.toString());
        assertTrue(check[2].contains("welcome.md:8:20: error: the file is not valid UTF-8 (byte 0xE9)"), check[2]);

        Files.write(page, Files.readString(page, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8));
        Path csv = project.resolve("people.csv");
        Files.write(csv, latin1("name\nSam\nRené Roe\n"));
        String[] build = run("build", "--content", content.toString(), "--out", project.resolve("output").toString(), "--people", csv.toString());
        assertTrue(build[2].contains("people.csv:3:4: error: the file is not valid UTF-8 (byte 0xE9)"), build[2]);
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
