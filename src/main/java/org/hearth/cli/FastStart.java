package org.hearth.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts {@code build} and {@code check} on a JVM that loads Hearth from the ahead-of-time cache
 * made when the jar was packaged ({@code hearth.aot} beside {@code hearth.jar}, JDK 25+). Most of
 * a small workbook's cold build is class loading and JIT warm-up, which the cache and, for small
 * workbooks, the quick C1 compiler alone take away; JVM options cannot be set from inside a jar,
 * so the jar starts a second JVM with them (about 50 ms) and passes its exit code on.
 * Uses only {@code java.base}, so deciding costs almost nothing.
 */
final class FastStart {

    /** Set on the second JVM, so it never starts a third. */
    static final String CHILD = "hearth.fast-start.child";
    /** Commands that finish quickly and gain most; serve and choose are long-running or interactive. */
    private static final Set<String> COMMANDS = Set.of("build", "check");
    /** Up to this many Markdown files, compiling with C1 alone is faster; above, C2's code pays off. */
    static final int SMALL_WORKBOOK = 200;

    private FastStart() {
    }

    /**
     * Runs the command on a second JVM with the cache when that helps, returning its exit code;
     * empty when this JVM should run the command itself (no cache, another JDK, launched some
     * other way, {@code HEARTH_FAST_START=off}, or the second JVM could not be started).
     */
    static OptionalInt run(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || System.getProperty(CHILD) != null
                || "off".equals(System.getenv("HEARTH_FAST_START")) || Runtime.version().feature() < 25) {
            return OptionalInt.empty();
        }
        Optional<Path> jar = jar();
        Optional<List<String>> command = ProcessHandle.current().info().arguments().map(List::of);
        Optional<String> java = ProcessHandle.current().info().command();
        if (jar.isEmpty() || command.isEmpty() || java.isEmpty()) {
            return OptionalInt.empty();
        }
        Path cache = cacheFor(jar.get());
        int at = command.get().indexOf("-jar");
        if (at < 0 || !fresh(cache, jar.get())) {
            return OptionalInt.empty();
        }
        List<String> jvmOptions = command.get().subList(0, at);
        // Someone choosing class-data or JIT options themselves keeps them, and runs as asked.
        if (jvmOptions.stream().anyMatch(o -> o.startsWith("-XX:AOT") || o.startsWith("-XX:SharedArchiveFile")
                || o.startsWith("-Xshare") || o.startsWith("-XX:TieredStopAtLevel") || o.startsWith("-XX:ArchiveClassesAtExit"))) {
            return OptionalInt.empty();
        }
        List<String> child = new ArrayList<>(List.of(java.get(), "-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"));
        if (markdownFiles(contentDir(args)) <= SMALL_WORKBOOK) {
            child.add("-XX:TieredStopAtLevel=1");
        }
        // On one or two cores the serial collector takes as long as G1 and about half the memory
        // (BENCHMARKS.md); with more cores G1's parallel work pays, so it stays the JVM's choice.
        if (Runtime.getRuntime().availableProcessors() <= 2 && jvmOptions.stream().noneMatch(o -> o.matches("-XX:[+-]Use\\w+GC"))) {
            child.add("-XX:+UseSerialGC");
        }
        child.addAll(jvmOptions);
        child.addAll(List.of("-D" + CHILD + "=true", "-cp", jar.get().toString(), Main.class.getName()));
        child.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(child).inheritIO().start();
            // Stopping this JVM (Ctrl-C, kill) stops the build too, and waits for it to end.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    process.destroy();
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            return OptionalInt.of(process.waitFor());
        } catch (IOException e) {
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(ExitCode.INTERNAL);
        }
    }

    /** The cache beside {@code jar}: {@code hearth.jar} → {@code hearth.aot}. */
    static Path cacheFor(Path jar) {
        String name = jar.getFileName().toString();
        return jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".aot");
    }

    /** The cache exists and was made after the jar (a rebuilt jar would make the JVM refuse it). */
    private static boolean fresh(Path cache, Path jar) {
        try {
            return Files.isRegularFile(cache) && !Files.getLastModifiedTime(cache).toInstant()
                    .isBefore(Files.getLastModifiedTime(jar).toInstant());
        } catch (IOException e) {
            return false;
        }
    }

    /** The jar this class was loaded from, if it was loaded from a jar. */
    private static Optional<Path> jar() {
        try {
            var source = FastStart.class.getProtectionDomain().getCodeSource();
            Path p = source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
            return p != null && p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The {@code --content} folder the command names, or the default. */
    static Path contentDir(String[] args) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--content") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--content=")) {
                return Path.of(args[i].substring("--content=".length()));
            }
        }
        return Path.of("content");
    }

    /** How many Markdown files the content's pages and exercises hold (counting stops past the threshold). */
    static int markdownFiles(Path content) {
        int n = 0;
        for (String dir : List.of("pages", "exercises")) {
            try (Stream<Path> s = Files.list(content.resolve(dir))) {
                n += (int) s.filter(p -> p.toString().endsWith(".md")).limit(SMALL_WORKBOOK + 1L).count();
            } catch (IOException | RuntimeException e) {
                // a missing folder holds nothing; the build itself reports real problems
            }
        }
        return n;
    }
}
