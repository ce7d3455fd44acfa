package org.hearth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hearth}: the top-level command, which only lists its subcommands. */
@Command(name = "hearth", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns Markdown exercises and chosen journaling prompts into a printable PDF workbook and a static website.",
        subcommands = {BuildCommand.class, CheckCommand.class, InitCommand.class, NewCommand.class, PromptsCommand.class,
                ChooseCommand.class, ServeCommand.class, AnswersCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:built", "1:content or template errors", "2:wrong command line", "3:file or internal error"})
public final class HearthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCode.USAGE;
    }
}
