package org.hearth.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Position;
import org.hearth.render.OutputFile;
import org.hearth.render.OutputSink;

/**
 * Stage 6, write output: stages every file in a sibling folder, then swaps it into place, so the
 * output folder always holds either the previous build or the new one, never a mix. A marker file
 * records that Hearth made the folder; a folder without it is never replaced or deleted.
 */
public final class OutputWriter {

    /** Marker file in every folder Hearth writes. */
    public static final String MARKER = ".hearth-build";

    /** Threads that delete a previous build's files; they mostly wait for the disk, not a core. */
    private static final int DELETERS = 16;
    private static final int DELETE_BATCH = 64;

    /**
     * Writes {@code files} as the new contents of {@code out}.
     *
     * @param out the output folder
     * @param files the files, with paths relative to {@code out}
     * @param keep top-level names to carry over from the previous build (for partial builds)
     * @param projectRoot the project folder, which must not be the output folder
     * @param contentDir the content folder, which must not be inside the output folder
     */
    public void write(Path out, Collection<OutputFile> files, Set<String> keep, Path projectRoot, Path contentDir) throws IOException {
        try (Staged staged = stage(out, projectRoot, contentDir)) {
            staged.addAll(files);
            staged.commit(keep);
        }
    }

    /**
     * Starts a build that is written file by file (a batch build writes each person's workbook as it
     * finishes rather than holding all of them in memory); nothing changes in {@code out} until
     * {@link Staged#commit}, and closing without committing leaves it untouched.
     */
    public Staged stage(Path out, Path projectRoot, Path contentDir) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        checkSafe(target, projectRoot.toAbsolutePath().normalize(), contentDir.toAbsolutePath().normalize());
        boolean exists = Files.exists(target);
        if (exists) {
            checkOurs(target);
        }
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Staged staged = new Staged(Files.createTempDirectory(parent, "." + target.getFileName() + ".staging-"), target, exists);
        staged.removeOnExit();
        return staged;
    }

    /**
     * A staging folder beside the output folder, filled file by file, then swapped into place. As
     * an {@link OutputSink} it takes files while they are rendered: each is written at once and the
     * renderer keeps a stand-in, which {@link #add} then knows is written already.
     */
    public static final class Staged implements AutoCloseable, OutputSink {
        private final Path staging;
        private final Path target;
        private final boolean exists;
        private final Set<String> written = new HashSet<>();
        // The stand-ins handed out by put, by path: their bytes are in the folder already.
        private final Map<String, OutputFile> early = new ConcurrentHashMap<>();
        // Writes hold it shared and close holds it alone, so no file goes into the folder while or
        // after it is removed (a page rendered on another thread may still arrive after a failure).
        private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
        private boolean closed;
        private boolean committed;
        // Removes the folder when the JVM is stopped (Ctrl-C) before the build ends.
        private Thread onExit;

        private Staged(Path staging, Path target, boolean exists) {
            this.staging = staging;
            this.target = target;
            this.exists = exists;
        }

        /**
         * Writes one file into the staging folder now, unless it is the stand-in of a file {@link #put}
         * wrote there already; safe to call from several threads.
         */
        public void add(OutputFile f) throws IOException {
            if (f.sameContent(early.get(f.path()))) {
                return;
            }
            byte[] bytes = f.bytes();
            lock.readLock().lock();
            try {
                Files.write(claim(f.path()), bytes);
            } finally {
                lock.readLock().unlock();
            }
        }

        /** Writes {@code files} from every core (which thread writes which changes nothing in the folder). */
        public void addAll(Collection<OutputFile> files) throws IOException {
            // A file is a few system calls; a 10,000-page site is 10,000 of them.
            try {
                files.parallelStream().forEach(f -> {
                    try {
                        add(f);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        /**
         * Writes {@code file} now and returns a stand-in for it: the same path and size, the SHA-256 of
         * its bytes as {@link OutputFile#standIn}, and its bytes read back from this folder if anyone
         * asks. Safe to call from several threads.
         */
        @Override
        public OutputFile put(OutputFile file) {
            byte[] bytes = file.bytes();
            Path p;
            lock.readLock().lock();
            try {
                p = claim(file.path());
                Files.write(p, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                lock.readLock().unlock();
            }
            OutputFile standIn = OutputFile.assembled(file.path(), bytes.length, OutputFile.sha256(bytes), () -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            early.put(file.path(), standIn);
            return standIn;
        }

        /** The staging path of {@code path}, with its folder made; each path is claimed once. Under the read lock. */
        private Path claim(String path) throws IOException {
            if (closed) {
                throw new IllegalStateException("the build has ended: " + path + " was not written");
            }
            Path p = staging.resolve(path).normalize();
            synchronized (written) {
                if (!p.startsWith(staging) || p.equals(staging) || !written.add(path)) {
                    throw new IllegalStateException("bad or duplicate output path: " + path);
                }
            }
            Files.createDirectories(p.getParent());
            return p;
        }

        /** Carries over {@code keep} from the previous build and swaps the staging folder into place. */
        public void commit(Set<String> keep) throws IOException {
            lock.writeLock().lock();
            try {
                if (closed) {
                    throw new IllegalStateException("the build has ended: " + target + " was not replaced");
                }
                if (exists) {
                    for (String name : keep) {
                        Path old = target.resolve(name);
                        if (Files.exists(old) && !Files.exists(staging.resolve(name))) {
                            copyTree(old, staging.resolve(name));
                        }
                    }
                }
                Files.writeString(staging.resolve(MARKER), "This folder is written by Hearth; it is replaced on every build.\n",
                        StandardCharsets.UTF_8);
                swap(staging, target, exists);
                committed = true;
            } finally {
                lock.writeLock().unlock();
            }
        }

        /** Removes the staging folder unless it was committed; later writes fail and write nothing. */
        @Override
        public void close() throws IOException {
            lock.writeLock().lock();
            try {
                closed = true;
                if (!committed) {
                    deleteTree(staging);
                }
            } finally {
                lock.writeLock().unlock();
            }
            if (onExit != null && Thread.currentThread() != onExit) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onExit);
                } catch (IllegalStateException e) {
                    // The JVM is stopping: the hook runs, and finds the folder closed.
                }
            }
        }

        /**
         * Removes the folder if the JVM stops before the build ends: pages are staged while the site
         * renders, so a build stopped with Ctrl-C would otherwise leave a hidden partial site behind.
         */
        private void removeOnExit() {
            onExit = new Thread(() -> {
                try {
                    close();
                } catch (IOException e) {
                    // Nothing to tell anyone: the process is ending.
                }
            }, "hearth-remove-staging");
            Runtime.getRuntime().addShutdownHook(onExit);
        }
    }

    private static void swap(Path staging, Path target, boolean exists) throws IOException {
        if (!exists) {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE); // put the previous build back
            throw e;
        }
        deleteTree(old);
    }

    /** Refuses output folders whose replacement would destroy something that is not a build. */
    static void checkSafe(Path target, Path projectRoot, Path contentDir) {
        String hint = "choose a dedicated folder with --out, such as 'output'";
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw refuse(target, "the output folder cannot be the file system root", hint);
        }
        if (target.equals(home)) {
            throw refuse(target, "the output folder cannot be your home folder", hint);
        }
        if (target.equals(projectRoot)) {
            throw refuse(target, "the output folder cannot be the project folder", hint);
        }
        if (contentDir.startsWith(target)) {
            throw refuse(target, "the output folder cannot contain the content folder", hint);
        }
        if (target.startsWith(contentDir)) {
            // The output would travel with the content and be read back by the next build.
            throw refuse(target, "the output folder cannot be inside the content folder", hint);
        }
        if (projectRoot.startsWith(target)) {
            throw refuse(target, "the output folder cannot contain the project folder", hint);
        }
    }

    private static void checkOurs(Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            throw refuse(target, "the output path exists and is not a folder", "remove it or choose another --out");
        }
        if (Files.exists(target.resolve(MARKER))) {
            return;
        }
        try (Stream<Path> s = Files.list(target)) {
            if (s.findAny().isPresent()) {
                throw refuse(target, "the output folder holds files that Hearth did not write",
                        "Hearth replaces its output folder on every build; empty it yourself or choose another --out");
            }
        }
    }

    private static BuildFailure refuse(Path target, String message, String hint) {
        return BuildFailure.of(Position.ofFile(target.toString()), message, hint);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Removes a folder and everything in it. The previous build's files were written a minute
     * ago on a rebuild, and the kernel may still be writing them to disk: each unlink then waits
     * for the disk, and one after another 10,000 of them took 19 s where 16 at a time took 1.2 s
     * (BENCHMARKS.md), so files go from several threads and the folders, emptied, after them.
     */
    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                files.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                folders.add(dir); // after everything inside it
                return FileVisitResult.CONTINUE;
            }
        });
        deleteAll(files);
        for (Path folder : folders) {
            Files.delete(folder);
        }
    }

    private static void deleteAll(List<Path> files) throws IOException {
        if (files.size() < DELETE_BATCH) {
            for (Path f : files) {
                Files.delete(f);
            }
            return;
        }
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService deleters = Executors.newFixedThreadPool(DELETERS)) {
            for (int from = 0; from < files.size(); from += DELETE_BATCH) {
                List<Path> batch = files.subList(from, Math.min(files.size(), from + DELETE_BATCH));
                done.add(deleters.submit(() -> {
                    for (Path f : batch) {
                        Files.delete(f);
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : done) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while deleting " + files.get(0).getParent());
            }
        }
    }

}
