package org.hearth.render;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A template's output as UTF-8 bytes, encoded in pieces as it is written. A {@code StringWriter}
 * grows by copying (the 10,000-exercise prompt library is 53 MB), then is copied into a String
 * and encoded again; here each piece is encoded once and the pieces are joined once. The bytes
 * are those of {@code String.getBytes(UTF_8)} on the whole text: a piece never ends between the
 * two halves of a surrogate pair.
 */
final class Utf8Output extends Writer {

    private static final int PIECE = 16 * 1024;

    private final StringBuilder text = new StringBuilder(PIECE + 1024);
    private final List<byte[]> pieces = new ArrayList<>();
    private int size;

    @Override
    public void write(int c) {
        text.append((char) c);
        spill();
    }

    @Override
    public void write(char[] chars, int off, int len) {
        text.append(chars, off, len);
        spill();
    }

    @Override
    public void write(String s, int off, int len) {
        text.append(s, off, off + len);
        spill();
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        spill();
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) {
        text.append(s, start, end);
        spill();
        return this;
    }

    @Override
    public Writer append(char c) {
        text.append(c);
        spill();
        return this;
    }

    private void spill() {
        if (text.length() >= PIECE) {
            int end = text.length();
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // its low half comes with the next write
            }
            encode(end);
        }
    }

    private void encode(int end) {
        byte[] piece = text.substring(0, end).getBytes(StandardCharsets.UTF_8);
        pieces.add(piece);
        size += piece.length;
        text.delete(0, end);
    }

    /** Everything written, as UTF-8. */
    byte[] bytes() {
        if (!text.isEmpty()) {
            encode(text.length());
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : pieces) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
