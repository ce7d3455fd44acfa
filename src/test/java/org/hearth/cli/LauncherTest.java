package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's POSIX launcher ({@code src/main/dist/bin/hearth}), run by {@code /bin/sh}
 * against fake JDKs whose {@code java} prints what it was given: which JDK it picks, the options it
 * passes, and that it is one process whose exit code, input and arguments are the program's own.
 */
class LauncherTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final Path SCRIPT = ROOT.resolve("src/main/dist/bin/hearth");

    @TempDir
    Path tmp;
    Path home;
    Path jdks;

    @BeforeEach
    void distribution() throws IOException {
        home = tmp.resolve("hearth");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("lib"));
        Files.copy(SCRIPT, home.resolve("bin/hearth"));
        executable(home.resolve("bin/hearth"));
        Files.writeString(home.resolve("lib/hearth.jar"), "");
        jdks = tmp.resolve("jdks");
        fakeJdk("jdk-17", "17.0.15");
        fakeJdk("jdk-21", "21.0.5");
        fakeJdk("jdk-25", "25.0.1");
    }

    /** A JDK folder whose {@code java} prints its own path, its process id, its arguments (one a line) and a line of input. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path jdk = jdks.resolve(name);
        Files.createDirectories(jdk.resolve("bin"));
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = jdk.resolve("bin/java");
        Files.writeString(java, """
                #!/bin/sh
                echo "java=$0"
                echo "pid=$$"
                for a in "$@"; do echo "arg=$a"; done
                if [ -n "${READ_INPUT:-}" ]; then read -r line; echo "input=$line"; fi
                exit ${EXIT_WITH:-0}
                """);
        executable(java);
        return jdk;
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    record Run(int exit, long pid, List<String> out, String err) {
        String java() {
            return out.stream().filter(l -> l.startsWith("java=")).findFirst().orElse("java=").substring(5);
        }

        List<String> args() {
            return out.stream().filter(l -> l.startsWith("arg=")).map(l -> l.substring(4)).toList();
        }

        long javaPid() {
            return Long.parseLong(out.stream().filter(l -> l.startsWith("pid=")).findFirst().orElseThrow().substring(4));
        }
    }

    /** Runs the launcher with a clean environment: PATH holds only the basic tools plus {@code pathJdk}'s bin. */
    private Run run(Map<String, String> env, Path pathJdk, String input, String... args) throws Exception {
        Path tools = tmp.resolve("tools");
        if (!Files.isDirectory(tools)) {
            Files.createDirectories(tools);
            for (String tool : List.of("sed", "head", "dirname", "readlink", "ls", "wc", "getconf", "cat")) {
                for (String dir : List.of("/usr/bin", "/bin")) {
                    if (Files.isExecutable(Path.of(dir, tool))) {
                        Files.createSymbolicLink(tools.resolve(tool), Path.of(dir, tool));
                        break;
                    }
                }
            }
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", env.getOrDefault("LAUNCH_AS", home.resolve("bin/hearth").toString())));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> e = pb.environment();
        e.clear();
        e.put("HOME", tmp.toString());
        e.put("PATH", (pathJdk == null ? "" : pathJdk.resolve("bin") + ":") + tools);
        e.put("HEARTH_JDK_DIRS", jdks.toString());
        e.putAll(env);
        e.remove("LAUNCH_AS");
        Process p = pb.start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
        List<String> out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.exitValue(), p.pid(), out, err);
    }

    @Test
    void javaHomeFirstWhenNewEnough() throws Exception {
        Run r = run(Map.of("JAVA_HOME", jdks.resolve("jdk-21").toString()), jdks.resolve("jdk-25"), null, "check");
        assertEquals(jdks.resolve("jdk-21/bin/java").toString(), r.java());
        // The serial collector is added on machines with one or two cores only; native access
        // (for the chooser's terminal) is asked for from JDK 22 on.
        assertEquals(List.of("-cp", home.toRealPath().resolve("lib/hearth.jar").toString(),
                "org.hearth.cli.Main", "check"), r.args().stream().filter(a -> !a.equals("-XX:+UseSerialGC")).toList());
    }

    @Test
    void anOldJavaHomeIsPassedOverWithANoticeForJavaOnPath() throws Exception {
        Run r = run(Map.of("JAVA_HOME", jdks.resolve("jdk-17").toString()), jdks.resolve("jdk-21"), null, "check");
        assertEquals(jdks.resolve("jdk-21/bin/java").toString(), r.java());
        assertTrue(r.err().contains("is not a JDK 21 or newer"), r.err());
    }

    @Test
    void theNewestJdkInTheUsualFoldersWhenNothingElseFits() throws Exception {
        Run r = run(Map.of(), jdks.resolve("jdk-17"), null, "check");
        assertEquals(jdks.resolve("jdk-25/bin/java").toString(), r.java());
    }

    @Test
    void noJdkIsAClearErrorWithAHint() throws Exception {
        Run r = run(Map.of("HEARTH_JDK_DIRS", tmp.resolve("nowhere").toString()), jdks.resolve("jdk-17"), null, "build");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("needs Java 21 or newer") && r.err().contains("hint: install a JDK 21+"), r.err());
        assertTrue(r.out().isEmpty());
    }

    @Test
    void theAotCacheOnJdk25WithC1ForASmallWorkbook() throws Exception {
        Files.writeString(home.resolve("lib/hearth.aot"), "");
        Path content = tmp.resolve("book");
        Files.createDirectories(content.resolve("pages"));
        Files.writeString(content.resolve("pages/a.md"), "");
        Run r = run(Map.of("JAVA_HOME", jdks.resolve("jdk-25").toString()), null, null, "build", "--content", content.toString(), "-q");
        List<String> args = r.args();
        assertTrue(args.contains("-XX:AOTCache=" + home.toRealPath().resolve("lib/hearth.aot")), args.toString());
        assertTrue(args.contains("--enable-native-access=ALL-UNNAMED"), args.toString());
        assertTrue(args.contains("-XX:TieredStopAtLevel=1"), args.toString());
        assertEquals(List.of("org.hearth.cli.Main", "build", "--content", content.toString(), "-q"), args.subList(args.size() - 5, args.size()));

        // serve is long-running: the cache, but all of the JIT, and G1 on any machine (a serial
        // young collection stopped every other rebuild of a large site for a third of a second).
        List<String> serve = run(Map.of("JAVA_HOME", jdks.resolve("jdk-25").toString()), null, null, "serve").args();
        assertFalse(serve.contains("-XX:TieredStopAtLevel=1"), serve.toString());
        assertTrue(serve.contains("-XX:+UseG1GC") && !serve.contains("-XX:+UseSerialGC"), serve.toString());
        // A JDK before 25 cannot read the cache (nor knows the option).
        assertTrue(run(Map.of("JAVA_HOME", jdks.resolve("jdk-21").toString()), null, null, "build").args().stream()
                .noneMatch(a -> a.startsWith("-XX:AOT")));
        // Switched off, or the user's own class-data or JIT options: exactly what they asked for.
        assertTrue(run(Map.of("JAVA_HOME", jdks.resolve("jdk-25").toString(), "HEARTH_AOT", "off"), null, null, "build").args().stream()
                .noneMatch(a -> a.startsWith("-XX:AOT")));
        List<String> own = run(Map.of("JAVA_HOME", jdks.resolve("jdk-25").toString(), "HEARTH_OPTS", "-XX:TieredStopAtLevel=4 -Xmx1g"), null, null,
                "build").args();
        assertEquals(List.of("-XX:TieredStopAtLevel=4", "-Xmx1g"), own.subList(0, 2));
        assertTrue(own.stream().noneMatch(a -> a.startsWith("-XX:AOT") || a.equals("-XX:TieredStopAtLevel=1")), own.toString());
    }

    @Test
    void javaOptsThenHearthOptsAndArgumentsKeptWhole() throws Exception {
        Run r = run(Map.of("JAVA_HOME", jdks.resolve("jdk-21").toString(), "JAVA_OPTS", "-Xmx2g -Da=1", "HEARTH_OPTS", "-XX:+UseParallelGC"), null,
                null, "build", "--out", "my output", "--content=a b");
        List<String> args = r.args();
        assertEquals(List.of("-Xmx2g", "-Da=1", "-XX:+UseParallelGC"), args.subList(0, 3));
        assertFalse(args.contains("-XX:+UseSerialGC"), "the user chose a collector");
        assertEquals(List.of("build", "--out", "my output", "--content=a b"), args.subList(args.size() - 4, args.size()));
    }

    @Test
    void oneProcessWithTheProgramsExitCodeAndInput() throws Exception {
        Run r = run(Map.of("JAVA_HOME", jdks.resolve("jdk-21").toString(), "EXIT_WITH", "7", "READ_INPUT", "1"), null, "typed line\n", "choose");
        assertEquals(7, r.exit());
        assertTrue(r.out().contains("input=typed line"), r.out().toString());
        // exec: java is the very process that was started, so signals reach it directly.
        assertEquals(r.pid(), r.javaPid());
    }

    @Test
    void startedThroughASymbolicLink() throws Exception {
        Path link = tmp.resolve("bin-elsewhere/hearth");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, home.resolve("bin/hearth"));
        Run r = run(Map.of("JAVA_HOME", jdks.resolve("jdk-21").toString(), "LAUNCH_AS", link.toString()), null, null, "check");
        assertTrue(r.args().contains(home.toRealPath().resolve("lib/hearth.jar").toString()), r.args().toString());
    }

}
