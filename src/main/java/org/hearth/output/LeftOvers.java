package org.hearth.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Staging folders that a stopped build left behind. A build that is killed outright (no Ctrl-C,
 * which removes its folder) cannot clean up, and its folder holds a partial site; so each staging
 * folder has an owner file beside it naming the process that writes it, and the next build into
 * the same output folder removes the folders whose process is no longer running.
 */
final class LeftOvers {

    /** The owner file's suffix: {@code .output.staging-123} is written by the process named in {@code .output.staging-123.owner}. */
    static final String OWNER = ".owner";
    /** A staging folder with no owner file is left over only when this old (its build may be about to write the file). */
    static final Duration UNOWNED_AGE = Duration.ofHours(1);

    private LeftOvers() {
    }

    /** The owner file of {@code staging}, naming this process (its id and start time). */
    static Path own(Path staging) throws IOException {
        ProcessHandle me = ProcessHandle.current();
        return Files.writeString(ownerOf(staging), me.pid() + " " + start(me).map(Instant::toString).orElse("-") + "\n",
                StandardCharsets.UTF_8);
    }

    /**
     * Removes the staging folders of the output folder {@code name} in {@code parent} that no
     * running process owns, and owner files whose folder is gone. A folder that cannot be judged
     * (an unreadable owner file, a process that may be running) is kept.
     */
    static void remove(Path parent, String name) {
        String prefix = "." + name + ".staging-";
        List<Path> found;
        try (Stream<Path> s = Files.list(parent)) {
            found = s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        } catch (IOException e) {
            return;
        }
        for (Path p : found) {
            try {
                String file = p.getFileName().toString();
                if (file.endsWith(OWNER)) {
                    Path folder = p.resolveSibling(file.substring(0, file.length() - OWNER.length()));
                    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !running(p)) {
                        Files.deleteIfExists(p);
                    }
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Path owner = ownerOf(p);
                    boolean leftOver = Files.exists(owner) ? !running(owner)
                            : Files.getLastModifiedTime(p).toInstant().isBefore(Instant.now().minus(UNOWNED_AGE));
                    if (leftOver) {
                        OutputWriter.deleteTree(p);
                        Files.deleteIfExists(owner);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Best effort: what cannot be removed now is looked at again by the next build.
            }
        }
    }

    static Path ownerOf(Path staging) {
        return staging.resolveSibling(staging.getFileName() + OWNER);
    }

    /**
     * Whether the process an owner file names is running: the same id and, where the system tells,
     * the same start time (an id is reused by later processes). Unreadable means running.
     */
    private static boolean running(Path owner) throws IOException {
        String[] words = Files.readString(owner, StandardCharsets.UTF_8).strip().split(" ");
        long pid;
        try {
            pid = Long.parseLong(words[0]);
        } catch (NumberFormatException e) {
            return true;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = start(process.get());
        return words.length < 2 || words[1].equals("-") || started.isEmpty() || started.get().toString().equals(words[1]);
    }

    private static Optional<Instant> start(ProcessHandle process) {
        return process.info().startInstant();
    }
}
