package org.hearth.render;

import java.util.Objects;

/**
 * Where a renderer hands each finished file as soon as it is made. A plain build's sink writes it
 * straight into the staging folder and leaves the renderer a stand-in (its size and SHA-256), so a
 * 10,000-page site is never held in memory whole; {@code serve} and {@code check} keep every file.
 */
@FunctionalInterface
public interface OutputSink {

    /** Keeps every file in memory: what the renderer gives is what it gets back. */
    OutputSink KEEP = file -> file;

    /**
     * Takes a finished file.
     *
     * @return what the renderer keeps in its place: the file itself, or a stand-in with the same path
     *     and size whose {@link OutputFile#standIn} is the SHA-256 of the bytes, already written
     */
    OutputFile put(OutputFile file);

    /** This sink for a renderer whose paths lie under {@code folder} (such as {@code site/}) in the output folder. */
    default OutputSink under(String folder) {
        Objects.requireNonNull(folder);
        if (this == KEEP) {
            return KEEP;
        }
        OutputSink outer = this;
        return file -> outer.put(file.at(folder + file.path())).at(file.path());
    }
}
