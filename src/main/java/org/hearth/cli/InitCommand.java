package org.hearth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hearth.render.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth init DIR}: a new workbook project that builds straight away. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Creates a new workbook project: content/ with a workbook.yml, a welcome page, a safety page, one exercise, "
                + "prompts and support resources. It builds straight away.")
public final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder to create the project in (created if missing; must not hold a content/ folder).")
    Path dir;

    @Option(names = "--theme", description = "Also copy the bundled theme into DIR/templates/ for customising.")
    boolean theme;

    @Option(names = "--title", paramLabel = "TITLE", defaultValue = "My workbook", description = "The workbook's title (default: ${DEFAULT-VALUE}).")
    String title;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, byte[]> files = new LinkedHashMap<>();
        Starter.files(title).forEach((path, text) -> files.put("content/" + path, text.getBytes(StandardCharsets.UTF_8)));
        if (theme) {
            Theme bundled = Theme.load(null);
            for (String path : bundled.paths()) {
                files.put("templates/" + path, bundled.file(path).orElseThrow());
            }
        }
        for (String path : files.keySet()) {
            if (Files.exists(dir.resolve(path))) {
                err.println("error: " + dir.resolve(path) + " already exists; 'hearth init' never overwrites files.");
                err.println("    hint: choose an empty folder, or move the existing files away first.");
                err.flush();
                return ExitCode.USAGE;
            }
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue(), java.nio.file.StandardOpenOption.CREATE_NEW); // never overwrite, even in a race
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Created a workbook project in " + dir + " (" + files.size() + " files).");
        out.println("Next: cd " + dir + " && hearth build   (or 'hearth new exercise \"Your title\"' to add an exercise)");
        out.flush();
        return ExitCode.OK;
    }
}
