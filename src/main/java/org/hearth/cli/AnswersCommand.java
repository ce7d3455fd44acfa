package org.hearth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.answers.AnswersFile;
import org.hearth.answers.AnswersInput;
import org.hearth.answers.AnswersJson;
import org.hearth.answers.Slots;
import org.hearth.i18n.Catalogue;
import org.hearth.source.PathNames;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.model.Workbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hearth answers}: moves a person's answers between the site and the fillable PDF. */
@Command(name = "answers", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Moves answers between the website and the fillable PDF.",
        subcommands = AnswersCommand.Export.class)
public final class AnswersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }

    /** {@code hearth answers export FILE.pdf}: a filled fillable PDF's answers as the site's JSON export. */
    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Reads the form fields of a filled Hearth fillable PDF and writes the answers as the site's JSON export "
                    + "(hearth-answers, version 1), which My answers on the site can import.")
    public static final class Export implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ProjectOptions project;

        @Parameters(paramLabel = "FILE.pdf", description = "A fillable workbook PDF, filled in.")
        Path pdf;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the JSON (default: standard output).")
        Path output;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            Path cwd = Path.of("").toAbsolutePath();
            PathNames names = new PathNames(cwd);
            try {
                Instant now = BuildRequest.sourceDateEpoch(System.getenv("SOURCE_DATE_EPOCH"));
                now = now != null ? now : Instant.now();
                Hearth hearth = new Hearth(cwd);
                Diagnostics d = new Diagnostics();
                BuildRequest request = new BuildRequest(project.content, project.templates, cwd.resolve("output"));
                // A language edition's PDF (workbook.es.pdf) is read against that edition: its fields,
                // its workbook id and its labels are the Spanish site's. A PDF in no language of the
                // project is read against the default one.
                AnswersInput input = new AnswersInput(names::display, now);
                Workbook workbook = hearth.prepare(request, input.language(pdf).orElse(null), d);
                Catalogue msg = hearth.messages(request, workbook.book().language());
                AnswersFile file = input.read(pdf, workbook, msg, d);
                String json = AnswersJson.write(file, Slots.of(workbook, msg)) + "\n";
                if (!d.list().isEmpty()) {
                    err.print(Diagnostics.formatNumbered(d.list()));
                    err.flush();
                }
                if (output == null) {
                    PrintWriter out = spec.commandLine().getOut();
                    out.print(json);
                    out.flush();
                } else {
                    // Written whole or not at all: a half-written export would lose answers on import.
                    Path abs = output.toAbsolutePath();
                    if (Files.isDirectory(abs)) {
                        throw BuildFailure.of(Position.ofFile(names.display(abs)), "-o names a folder",
                                "name the JSON file to write, for example my-answers.json");
                    }
                    if (Files.exists(abs) && Files.isSameFile(abs, pdf.toAbsolutePath())) {
                        throw BuildFailure.of(Position.ofFile(names.display(abs)), "-o names the filled PDF itself, which the export would replace",
                                "name a new JSON file, for example my-answers.json");
                    }
                    Path tmp = Files.createTempFile(abs.getParent(), ".answers-", ".json");
                    try {
                        Files.writeString(tmp, json, StandardCharsets.UTF_8);
                        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    } finally {
                        Files.deleteIfExists(tmp); // never a hidden copy of the answers left behind
                    }
                    err.println("Wrote " + file.answers().size() + (file.answers().size() == 1 ? " answer" : " answers") + " to " + output
                            + ". It holds private words: keep it safe.");
                    err.flush();
                }
                return ExitCode.OK;
            } catch (BuildFailure failure) {
                return ExitCode.report(err, failure, "Nothing was written.");
            } catch (IOException | RuntimeException e) {
                err.println("error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                err.flush();
                return ExitCode.INTERNAL;
            }
        }
    }
}
