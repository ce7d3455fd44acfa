package org.hearth.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --content} option, for commands that read content but no templates. */
public final class ContentOption {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "Content folder (default: ${DEFAULT-VALUE}).")
    Path content;
}
