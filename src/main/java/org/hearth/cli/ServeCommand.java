package org.hearth.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.serve.DevServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hearth serve}: preview with live reload on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Builds the workbook and serves the site on 127.0.0.1 with live reload; the PDF is at /workbook.pdf. "
                + "Edits to content/ and templates/ rebuild it. Ctrl-C stops.")
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProjectOptions project;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "output",
            description = "Output folder, as for build (default: ${DEFAULT-VALUE}); the preview itself is served from memory.")
    Path out;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "Port on 127.0.0.1 (default: a free port).")
    int port;

    @Option(names = "--no-pdf", description = "Serve the site only, without laying out the PDF (for very large workbooks).")
    boolean noPdf;

    @Option(names = "--timings", description = "Log where each rebuild's time goes, from the file's write to the new site being served.")
    boolean timings;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter log = spec.commandLine().getOut();
        Path cwd = Path.of("").toAbsolutePath();
        BuildRequest request = new BuildRequest(project.content, project.templates, out, true, !noPdf, PrintOptions.DEFAULT, Overrides.NONE, null);
        CountDownLatch stopped = new CountDownLatch(1);
        try (DevServer server = new DevServer(new Hearth(cwd), request, port, log, timings)) {
            server.watch();
            String base = "http://127.0.0.1:" + server.port() + "/";
            log.println("Serving on " + base + (noPdf ? "  (site only)" : "  (PDF: " + base + "workbook.pdf)") + ". Press Ctrl-C to stop.");
            log.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            stopped.await();
        }
        return ExitCode.OK;
    }
}
