package org.hearth.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.content.Content;
import org.hearth.content.DocumentKind;
import org.hearth.content.SourceDocument;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Prompt;
import org.hearth.model.Workbook;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code hearth choose}: pick prompts interactively and save them as {@code selection.prompts} in workbook.yml. */
@Command(name = "choose", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Choose prompts in the terminal; saves them as selection.prompts in workbook.yml, leaving the rest of the file as it is.")
public final class ChooseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ContentOption options;

    /** Set by tests to drive the chooser without a real terminal. */
    Terminal testTerminal;

    @Override
    public Integer call() throws IOException {
        if (testTerminal == null && System.console() == null) {
            spec.commandLine().getErr().println("error: 'hearth choose' needs an interactive terminal, and this input is not one.");
            spec.commandLine().getErr().println("    hint: run it in a terminal, or edit 'selection: prompts:' in "
                    + options.content.resolve("workbook.yml") + " by hand ('hearth prompts' lists the ids).");
            spec.commandLine().getErr().flush();
            return ExitCode.USAGE;
        }
        Path cwd = Path.of("").toAbsolutePath();
        Hearth hearth = new Hearth(cwd);
        Content library;
        Workbook current;
        try {
            library = hearth.loadContent(options.content);
            current = hearth.prepare(new BuildRequest(options.content, null, cwd.resolve("output")), new Diagnostics());
        } catch (BuildFailure f) {
            return ExitCode.report(spec.commandLine().getErr(), f, "Fix these first, then run 'hearth choose' again.");
        }
        List<Chooser.Row> rows = rows(library, current);
        Set<String> chosen = current.entries().stream().flatMap(e -> e.prompts().stream()).map(p -> p.prompt().id())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<String> ids;
        if (testTerminal != null) {
            ids = new Chooser(testTerminal, rows, chosen).run();
        } else {
            try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                ids = new Chooser(terminal, rows, chosen).run();
            }
        }
        if (ids == null) {
            spec.commandLine().getOut().println("Nothing saved.");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        Path file = options.content.resolve("workbook.yml");
        try {
            SelectionWriter.write(file, ids);
        } catch (SelectionWriter.CannotEdit e) {
            spec.commandLine().getErr().println(file + ": error: " + e.getMessage() + "; nothing was saved.");
            spec.commandLine().getErr().println("    hint: set 'selection: prompts:' by hand to: " + String.join(", ", ids));
            spec.commandLine().getErr().flush();
            return ExitCode.CONTENT;
        }
        spec.commandLine().getOut().println("Saved " + ids.size() + " prompts to " + file + ".");
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }

    /** Exercises in book order, each followed by the prompts it offers. */
    static List<Chooser.Row> rows(Content library, Workbook current) {
        List<Chooser.Row> rows = new ArrayList<>();
        List<String> order = current.entries().stream().map(e -> e.id()).toList();
        List<SourceDocument> exercises = library.documents().stream().filter(d -> d.kind() == DocumentKind.EXERCISE)
                .sorted(java.util.Comparator.comparingInt(d -> order.indexOf(d.id()))).toList();
        for (SourceDocument doc : exercises) {
            rows.add(new Chooser.Row(doc.id(), doc.meta().title(), null, doc.meta().title(), ""));
            for (var ref : doc.meta().prompts()) {
                Prompt p = library.prompts().get(ref.id());
                String label = p.text() + "  (" + p.kind().label() + ", " + p.intensity().label() + ")";
                String search = (p.id() + " " + p.text() + " " + String.join(" ", p.tags()) + " " + p.kind().label() + " "
                        + p.intensity().label()).toLowerCase(Locale.ROOT);
                rows.add(new Chooser.Row(doc.id(), doc.meta().title(), p.id(), label, search));
            }
        }
        return rows;
    }
}
