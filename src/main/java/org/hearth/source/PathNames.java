package org.hearth.source;

import java.nio.file.Path;

/**
 * Turns file paths into the short names diagnostics print: relative to the working folder when
 * the file is inside it, absolute otherwise, always with '/' separators.
 */
public final class PathNames {

    private final Path base;

    public PathNames(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    public String display(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
        return shown.toString().replace('\\', '/');
    }
}
