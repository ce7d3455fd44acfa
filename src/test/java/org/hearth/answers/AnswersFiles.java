package org.hearth.answers;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hearth.cli.Main;

/** The answers test project ({@code src/test/resources/answers}) and a way to run the command line on it. */
final class AnswersFiles {

    /** Exit code, standard output and standard error of one run. */
    record Run(int code, String out, String err) {
    }

    private AnswersFiles() {
    }

    static Path root() {
        return Path.of(System.getProperty("hearth.project.root", "."), "src", "test", "resources", "answers").toAbsolutePath().normalize();
    }

    static Path content() {
        return root().resolve("content");
    }

    /** Runs {@code hearth args…} with {@code --content} pointing at the test project when the command takes it. */
    static Run hearth(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(o), new PrintWriter(e));
        return new Run(code, o.toString(), e.toString());
    }

    /** The test project's fillable edition filled with its answers.json, built into {@code dir}. */
    static Path filled(Path dir) {
        Run r = hearth("build", "--content", content().toString(), "--out", dir.toString(),
                "--fillable", "--answers", root().resolve("answers.json").toString());
        if (r.code() != 0) {
            throw new AssertionError("the filled fillable edition did not build: " + r.err());
        }
        return dir.resolve(AnswersOptions.FILLED);
    }
}
