package org.hearth.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * With {@code serve --timings}, where each rebuild's time goes: from the changed file's write (its
 * modification time) to the watcher seeing it, the quiet spell, the hand-over to the build thread,
 * the build itself and the swap of the served site.
 */
final class RebuildTimings {

    private final PrintWriter log;
    private final boolean on;
    // The latest burst of changes (guarded by this): its newest file's write, first event and quiet end, in ms since the epoch.
    private double written;
    private double seen;
    private double quiet;
    private boolean pending;

    RebuildTimings(PrintWriter log, boolean on) {
        this.log = log;
        this.on = on;
    }

    /** A burst of changes was handed over: its first event came at {@code firstSeenNanos} ({@link System#nanoTime}). */
    void changed(Set<Path> paths, long firstSeenNanos) {
        if (!on) {
            return;
        }
        long nowNanos = System.nanoTime();
        double now = epochMillis();
        double newest = 0;
        for (Path p : paths) {
            try {
                if (Files.isRegularFile(p)) {
                    newest = Math.max(newest, Files.getLastModifiedTime(p).toInstant().toEpochMilli()
                            + Files.getLastModifiedTime(p).toInstant().getNano() % 1_000_000 / 1e6);
                }
            } catch (IOException e) {
                // gone again: no write time to report
            }
        }
        synchronized (this) {
            written = newest;
            seen = now - (nowNanos - firstSeenNanos) / 1e6;
            quiet = now;
            pending = true;
        }
    }

    /** A site build that took {@code buildMillis} ended and its site is being served. */
    void built(double buildMillis) {
        if (!on) {
            return;
        }
        double now = epochMillis();
        String line;
        synchronized (this) {
            if (!pending) {
                return; // the first build, or one not started by the watcher
            }
            pending = false;
            double start = now - buildMillis;
            line = String.format(java.util.Locale.ROOT,
                    "Timings: written to seen %s, seen to quiet %.1f ms, quiet to build %.1f ms, build %.1f ms, written to served %s",
                    written > 0 ? String.format(java.util.Locale.ROOT, "%.1f ms", seen - written) : "-", quiet - seen, start - quiet,
                    buildMillis, written > 0 ? String.format(java.util.Locale.ROOT, "%.1f ms", now - written) : "-");
        }
        log.println(line);
        log.flush();
    }

    /** A warm-up rebuild (nobody waits for it) took {@code buildMillis}. */
    void warmedUp(double buildMillis) {
        if (on) {
            log.printf(java.util.Locale.ROOT, "Timings: warm-up rebuild %.1f ms%n", buildMillis);
            log.flush();
        }
    }

    private static double epochMillis() {
        java.time.Instant now = java.time.Instant.now();
        return now.toEpochMilli() + now.getNano() % 1_000_000 / 1e6;
    }
}
