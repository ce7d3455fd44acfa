package org.hearth.render;

import java.nio.charset.StandardCharsets;

/**
 * A file a renderer produced, held in memory until the writer puts it in place.
 *
 * @param path path inside the output folder, with '/' separators
 * @param bytes the contents
 */
public record OutputFile(String path, byte[] bytes) {

    /** A UTF-8 text file. */
    public static OutputFile text(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
