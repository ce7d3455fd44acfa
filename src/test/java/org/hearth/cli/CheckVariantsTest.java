package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `check` renders every variant the content can be built as (both editions, fillable and print,
 * right-hand, personalised), checks images and output names: what `build` with any option would
 * fail on, `check` fails on first.
 */
class CheckVariantsTest {

    @TempDir
    Path tmp;

    private Path content;
    private Path templates;

    private Path project() {
        content = Golden.copyContent("basic", tmp.resolve("p/content"));
        templates = tmp.resolve("p/templates");
        return content;
    }

    /** Copies a bundled theme file into the project's templates, with one replacement made. */
    private void override(String name, String find, String replace) throws IOException {
        Path root = Path.of(System.getProperty("hearth.project.root", "."));
        String text = Files.readString(root.resolve("templates").resolve(name), StandardCharsets.UTF_8);
        assertTrue(text.contains(find), find);
        Path target = templates.resolve(name);
        Files.createDirectories(target.getParent());
        Files.writeString(target, text.replace(find, replace), StandardCharsets.UTF_8);
    }

    private String[] hearth(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {String.valueOf(code), err.toString(), out.toString()};
    }

    private String[] check() {
        return hearth("check", "--content", content.toString(), "--templates", templates.toString());
    }

    @Test
    void aTemplateErrorOnlyInTheFillableBranchFailsCheck() throws IOException {
        project();
        // Both editions share one layout now, so a theme's own fillable branch is what can go wrong.
        override("pdf/book.ftlx", "<#-- fillable and workbook come from PrintView. -->",
                "<#-- fillable and workbook come from PrintView. --><#if fillable>${no_such_value}</#if>");
        String[] r = check();
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("templates/pdf/book.ftlx:" + lineOf("pdf/book.ftlx", "<#-- fillable and workbook come from PrintView. -->") + ":"), r[1]);
        assertTrue(r[1].contains("fillable"), "the variant is named: " + r[1]);
        String[] build = hearth("build", "--content", content.toString(), "--templates", templates.toString(),
                "--out", tmp.resolve("p/output").toString(), "--fillable", "-q");
        assertEquals("1", build[0], "build --fillable fails on the same problem: " + build[1]);
    }

    @Test
    void aTemplateErrorOnlyInTheFacilitatorEditionFailsCheck() throws IOException {
        project();
        override("site/primitives.ftlh", "<#if workbook.book.facilitator()>${b.html?no_esc}",
                "<#if workbook.book.facilitator()>${b.html?no_esc}${no_such_value}");
        String[] r = check();
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("templates/site/primitives.ftlh:11:"), r[1]);
        assertTrue(r[1].contains("facilitator edition"), r[1]);
    }

    @Test
    void aTemplateErrorOnlyInAPersonalisedCopyFailsCheck() throws IOException {
        project();
        override("pdf/book.ftlx", "<p class=\"cover-for\">${t(\"pdf.for\", book.personName)}</p>",
                "<p class=\"cover-for\">${t(\"pdf.for\", book.personName)}${no_such_value}</p>");
        String[] r = check();
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("templates/pdf/book.ftlx:" + lineOf("pdf/book.ftlx", "<p class=\"cover-for\">${t(\"pdf.for\", book.personName)}</p>") + ":"), r[1]);
    }

    @Test
    void anImageThePdfCannotReadIsAPositionedErrorInCheckAndBuild() throws IOException {
        project();
        Files.createDirectories(content.resolve("media"));
        Files.write(content.resolve("media/broken.png"), "not a picture at all".getBytes(StandardCharsets.UTF_8));
        Path exercise = content.resolve("exercises/first.md");
        Files.writeString(exercise, Files.readString(exercise) + "\n![A broken picture](../media/broken.png)\n");
        String[] r = check();
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("content/media/broken.png: error: "), r[1]);
        String[] build = hearth("build", "--content", content.toString(), "--out", tmp.resolve("p/output").toString(), "-q");
        assertEquals("1", build[0], "a content error, not an internal one: " + build[1]);
        assertTrue(build[1].contains("content/media/broken.png: error: "), build[1]);
    }

    @Test
    void outputNamesThatDifferOnlyInCaseAreAnError() throws IOException {
        project();
        Files.createDirectories(content.resolve("media"));
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", content.resolve("media/Photo.png").toFile());
        ImageIO.write(image, "png", content.resolve("media/photo.png").toFile());
        Path exercise = content.resolve("exercises/first.md");
        Files.writeString(exercise, Files.readString(exercise) + "\n![One](../media/Photo.png)\n\n![Two](../media/photo.png)\n");
        String[] r = check();
        assertEquals("1", r[0], r[1] + r[2]);
        assertTrue(r[1].contains("media/photo.png: error: ") && r[1].contains("differ only in case"), r[1]);
    }

    /** The line (from 1) of the theme file that holds {@code marker}, so the test follows the template's edits. */
    private static int lineOf(String file, String marker) throws IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("hearth.project.root", "."))
                .resolve("templates").resolve(file), java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError(marker + " is not in templates/" + file);
    }
}
