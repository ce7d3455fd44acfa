package org.hearth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Entry;
import org.hearth.model.Section;
import org.hearth.model.Slug;
import org.hearth.model.Workbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth new exercise NAME}: a new exercise file with its front matter filled in. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Creates a new exercise: hearth new exercise \"Title of the exercise\".")
public final class NewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "exercise", description = "What to create (only 'exercise' for now).")
    String what;

    @Parameters(index = "1", paramLabel = "NAME", description = "The exercise's title.")
    String name;

    @Mixin
    ContentOption options;

    @Option(names = "--part", paramLabel = "PART", description = "The part it belongs to (default: the part of the last exercise).")
    String part;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (!what.equals("exercise")) {
            err.println("error: 'hearth new' can create an exercise, not '" + what + "'.");
            err.println("    hint: hearth new exercise \"Title of the exercise\"");
            err.flush();
            return ExitCode.USAGE;
        }
        String id = Slug.of(name, "exercise");
        Path file = options.content.resolve("exercises").resolve(id + ".md");
        if (Files.exists(file)) {
            err.println("error: " + file + " already exists; 'hearth new' never overwrites files.");
            err.println("    hint: choose another title, or edit the existing exercise.");
            err.flush();
            return ExitCode.USAGE;
        }
        Workbook workbook;
        try {
            workbook = new Hearth(Path.of("").toAbsolutePath()).prepare(new BuildRequest(options.content, null, options.content.resolveSibling("output")),
                    new Diagnostics());
        } catch (BuildFailure f) {
            return ExitCode.report(err, f, "Fix these first, then run 'hearth new' again.");
        }
        String partId = part != null ? part : workbook.entries().stream().filter(Entry::exercise).reduce((a, b) -> b)
                .map(Entry::partId).orElse(workbook.sections().get(workbook.sections().size() - 1).id());
        Section section = workbook.sections().stream().filter(s -> s.id().equals(partId)).findFirst().orElse(null);
        if (section == null) {
            err.println("error: no part '" + partId + "' in workbook.yml.");
            err.println("    hint: use one of: " + String.join(", ", workbook.sections().stream().map(Section::id).toList()));
            err.flush();
            return ExitCode.USAGE;
        }
        int order = section.entries().size() * 10 + 10;
        String text = """
                ---
                id: %s
                title: %s
                summary: %s
                part: %s
                order: %d
                tags: []
                duration: 15 minutes
                intensity: gentle
                prompts: []
                ---
                ## Why it helps

                ## How to do it

                1. First step.
                """.formatted(id, quote(name), quote("What " + name.toLowerCase(Locale.ROOT) + " offers, in one sentence."), partId, order);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW); // never overwrite, even in a race
        spec.commandLine().getOut().println("Created " + file + " (part '" + partId + "', order " + order + ").");
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
