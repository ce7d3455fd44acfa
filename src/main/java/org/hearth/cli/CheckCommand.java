package org.hearth.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth check}: every stage but writing; prints all problems and exits 0 or 1. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Checks content and templates without writing anything: schemas, prompt references, links, images, "
                + "templates, support resources not verified in the last 12 months, and a missing or plain-http base_url.")
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
    boolean quiet;

    /** The date resource checks count from; tests pin it. */
    LocalDate today = LocalDate.now();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Path cwd = Path.of("").toAbsolutePath();
        List<Diagnostic> all = new Hearth(cwd).check(new BuildRequest(project.content, project.templates, cwd.resolve("output")), today);
        List<Diagnostic> shown = quiet ? all.stream().filter(d -> d.severity() == Severity.ERROR).toList() : all;
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        err.print(Diagnostics.formatNumbered(shown));
        err.flush();
        long errors = all.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = all.size() - errors;
        if (!quiet) {
            String time = String.format(Locale.ROOT, "%.2f s", (System.nanoTime() - start) / 1e9);
            out.println(errors == 0 && warnings == 0 ? "No problems found (" + time + ")."
                    : count(errors, "error") + " and " + count(warnings, "warning") + " (" + time + ").");
            out.flush();
        }
        return errors > 0 ? ExitCode.CONTENT : ExitCode.OK;
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
