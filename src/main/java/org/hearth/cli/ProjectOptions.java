package org.hearth.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command that reads a project shares: where the content and the theme overrides are. */
public final class ProjectOptions {

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "Content folder (default: ${DEFAULT-VALUE}).")
    Path content;

    @Option(names = "--templates", paramLabel = "DIR", defaultValue = "templates",
            description = "Folder whose files override the bundled theme (default: ${DEFAULT-VALUE}; may be missing).")
    Path templates;
}
