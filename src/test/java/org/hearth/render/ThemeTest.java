package org.hearth.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project's static theme files override the bundled ones however the folder is written. */
class ThemeTest {

    @TempDir
    Path tmp;

    private Path themeWithCss() throws IOException {
        Path css = tmp.resolve("project/templates/site/assets/site.css");
        Files.createDirectories(css.getParent());
        Files.writeString(css, "/* mine */\n", StandardCharsets.UTF_8);
        return tmp.resolve("project");
    }

    @Test
    void aStaticOverrideIsUsedWhenTheFolderIsWrittenWithDotSegments() throws IOException {
        Path project = themeWithCss();
        // As `--templates ./templates` gives it: a path with a "." segment, not normalised.
        Theme theme = Theme.load(project.resolve("./templates"));
        assertEquals("/* mine */\n", new String(theme.file("site/assets/site.css").orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void aStaticOverrideIsUsedThroughAParentSegment() throws IOException {
        Path project = themeWithCss();
        Files.createDirectories(project.resolve("content"));
        Theme theme = Theme.load(project.resolve("content/../templates"));
        assertEquals("/* mine */\n", new String(theme.file("site/assets/site.css").orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void aListedNameCannotReachOutsideTheThemeFolder() throws IOException {
        Path project = themeWithCss();
        Files.writeString(project.resolve("secret.txt"), "secret", StandardCharsets.UTF_8);
        Files.writeString(project.resolve("templates/theme.txt"), "../secret.txt\n", StandardCharsets.UTF_8);
        var failure = org.junit.jupiter.api.Assertions.assertThrows(org.hearth.diag.BuildFailure.class,
                () -> Theme.load(project.resolve("templates")));
        assertEquals("theme file '../secret.txt' is listed but missing", failure.diagnostics().get(0).message());
    }
}
