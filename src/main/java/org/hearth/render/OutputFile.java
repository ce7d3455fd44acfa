package org.hearth.render;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A file a renderer produced, held in memory until the writer puts it in place. Its bytes may be
 * put together only when first asked for ({@link #assembled}): a rebuild in {@code serve} makes a
 * large site's search index, tens of megabytes, whose bytes are wanted only if a browser asks.
 */
public final class OutputFile {

    private final String path;
    private final Content content;

    /**
     * A file with these bytes.
     *
     * @param path path inside the output folder, with '/' separators
     * @param bytes the contents
     */
    public OutputFile(String path, byte[] bytes) {
        this(path, new Content(Objects.requireNonNull(bytes), bytes.length, null, null));
    }

    private OutputFile(String path, Content content) {
        this.path = Objects.requireNonNull(path);
        this.content = content;
    }

    /** A UTF-8 text file. */
    public static OutputFile text(String path, String text) {
        return new OutputFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A file of {@code size} bytes that {@code assemble} puts together the first time they are
     * asked for (once, whichever thread asks).
     *
     * @param standIn a SHA-256 that stands for the bytes wherever their digest is wanted (made from
     *     their parts, so the bytes need not be put together for it), or null
     */
    public static OutputFile assembled(String path, int size, byte[] standIn, Supplier<byte[]> assemble) {
        return new OutputFile(path, new Content(null, size, Objects.requireNonNull(assemble), standIn == null ? null : standIn.clone()));
    }

    /**
     * The SHA-256 of {@code bytes}: what a file's digest is wherever one is wanted, so a stand-in made
     * by whoever wrote the bytes ({@link OutputSink}) and a digest made from them agree.
     */
    public static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The digest that stands for the contents (see {@link #assembled}), or null: then hash the bytes. */
    public byte[] standIn() {
        return content.standIn == null ? null : content.standIn.clone();
    }

    /** Its path inside the output folder, with '/' separators. */
    public String path() {
        return path;
    }

    /** Its contents (put together now if they were not yet). */
    public byte[] bytes() {
        return content.bytes();
    }

    /** How many bytes it has, without putting them together. */
    public int size() {
        return content.size;
    }

    /** The same contents at another path (not put together by the move). */
    public OutputFile at(String otherPath) {
        return new OutputFile(otherPath, content);
    }

    /** Whether {@code other} holds these very contents (the same array or the same assembly), whatever its path. */
    public boolean sameContent(OutputFile other) {
        return other != null && (content == other.content || content.ready() != null && content.ready() == other.content.ready());
    }

    @Override
    public String toString() {
        return "OutputFile[" + path + ", " + content.size + " bytes]";
    }

    /** The bytes, or how to make them; made at most once. */
    private static final class Content {
        private volatile byte[] bytes;
        private final int size;
        private Supplier<byte[]> assemble;
        private final byte[] standIn;

        Content(byte[] bytes, int size, Supplier<byte[]> assemble, byte[] standIn) {
            this.bytes = bytes;
            this.size = size;
            this.assemble = assemble;
            this.standIn = standIn;
        }

        /** The bytes if they exist already, else null. */
        byte[] ready() {
            return bytes;
        }

        byte[] bytes() {
            byte[] made = bytes;
            if (made == null) {
                synchronized (this) {
                    made = bytes;
                    if (made == null) {
                        made = assemble.get();
                        if (made.length != size) {
                            throw new IllegalStateException("assembled " + made.length + " bytes, " + size + " promised");
                        }
                        bytes = made;
                        assemble = null; // what it held (the parts) may go
                    }
                }
            }
            return made;
        }
    }
}
