package org.hearth.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;

/** Builds only the site of a project with the bundled theme, as the browser and site tests serve it. */
public final class SiteBuild {

    /** The repository, where the bundled theme and the default content live. */
    public static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();

    private SiteBuild() {
    }

    /** The default workbook's site, built into {@code out}; returns {@code out/site}. */
    public static Path defaultWorkbook(Path out) throws IOException {
        return of(ROOT, ROOT.resolve("content"), out);
    }

    /** The site of the project at {@code project} with its content in {@code content}, built into {@code out}; returns {@code out/site}. */
    public static Path of(Path project, Path content, Path out) throws IOException {
        new Hearth(project).build(new BuildRequest(content, ROOT.resolve("templates"), out, true, false,
                PrintOptions.DEFAULT, Overrides.NONE, null));
        return out.resolve("site");
    }
}
