package org.hearth.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the content and theme folders (and every folder made in them) and hands each burst of
 * changes, once the folders are quiet, to a listener.
 */
final class FolderWatcher {

    /**
     * How long the folders must be quiet after a change before a rebuild starts: an editor's save
     * (write a temporary file, rename it, touch) comes as events within a millisecond or two, and
     * every millisecond here is one the preview waits after every save. A rebuild that still
     * catches a file half-written is followed by another as soon as the rest is written.
     */
    static final int QUIET_MS = 5;

    private final Path content;
    private final Path templates;
    private final PrintWriter log;
    private WatchService watcher;

    FolderWatcher(Path content, Path templates, PrintWriter log) {
        this.content = content;
        this.templates = templates;
        this.log = log;
    }

    /** What the watcher hands each burst of changes to. */
    interface Listener {
        /** The paths a burst changed; its first event was seen at {@code firstSeenNanos} ({@link System#nanoTime}). */
        void changed(Set<Path> paths, long firstSeenNanos);
    }

    /** Starts watching on a daemon thread; {@code changed} gets each burst's changed paths. */
    void start(Listener changed) throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        register(content);
        if (templates != null) {
            if (Files.isDirectory(templates)) {
                register(templates);
            } else if (templates.getParent() != null && Files.isDirectory(templates.getParent())) {
                // No theme folder yet: watch where it would appear, so a new override is seen at once.
                templates.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            }
        }
        Thread t = new Thread(() -> loop(changed), "hearth-watch");
        t.setDaemon(true);
        t.start();
    }

    private void register(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void loop(Listener listener) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                long firstSeen = System.nanoTime();
                Set<Path> changed = new HashSet<>();
                collect(key, changed);
                // Editors save in bursts (temp file, rename, touch), all within a few milliseconds:
                // wait for a short quiet spell so a half-written file is not read.
                WatchKey more;
                while ((more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    collect(more, changed);
                }
                // Only the content and theme folders matter (the folder above is watched for the theme
                // folder's creation, and other things, such as a build's output, change there too).
                changed.removeIf(p -> !p.startsWith(content) && (templates == null || !p.startsWith(templates)));
                if (changed.isEmpty()) {
                    continue;
                }
                for (Path p : changed) {
                    if (Files.isDirectory(p)) {
                        register(p);
                    }
                }
                listener.changed(changed, firstSeen);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.println("error: stopped watching for changes: " + e.getMessage());
            log.flush();
        }
    }

    private void collect(WatchKey key, Set<Path> changed) {
        Path dir = (Path) key.watchable();
        key.pollEvents().forEach(e -> {
            if (e.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Events were lost (too many at once): say the whole content folder changed.
                changed.add(content);
            } else if (e.context() instanceof Path p) {
                changed.add(dir.resolve(p).toAbsolutePath().normalize());
            }
        });
        key.reset();
    }

    /** Stops watching. */
    void close() {
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
