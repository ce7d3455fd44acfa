package org.hearth.render;

import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A template's output as UTF-8 bytes, encoded as it is written. A {@code StringWriter} grows by
 * copying (the 10,000-exercise prompt library is 53 MB), then is copied into a String and encoded
 * again; here each character is encoded once, straight into byte pieces that are joined once. The
 * bytes are those of {@code String.getBytes(UTF_8)} on the whole text: a surrogate pair split
 * between two writes is still one 4-byte character, and a lone surrogate is {@code ?}, as there.
 */
final class Utf8Output extends Writer {

    /** The first piece holds a typical page whole; later ones grow so the prompt library needs few. */
    private static final int FIRST_PIECE = 32 * 1024;
    private static final int LARGEST_PIECE = 1024 * 1024;

    private final List<byte[]> full = new ArrayList<>();
    private final char[] chars = new char[2048];
    private final byte[] first;
    private byte[] piece;
    private int at;
    private int size;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char high;

    /** An output with a first piece of its own. */
    Utf8Output() {
        this(new byte[FIRST_PIECE]);
    }

    /**
     * An output that writes into {@code first} until it is full: a buffer the caller reuses from
     * page to page, since {@link #bytes()} always returns a copy.
     */
    Utf8Output(byte[] first) {
        this.first = first;
        this.piece = first;
    }

    /** A first piece for {@link #Utf8Output(byte[])}. */
    static byte[] firstPiece() {
        return new byte[FIRST_PIECE];
    }

    /** The first piece, to be reused once {@link #bytes()} has been taken. */
    byte[] first() {
        return first;
    }

    @Override
    public void write(int c) {
        chars[0] = (char) c;
        encode(chars, 0, 1);
    }

    @Override
    public void write(char[] text, int off, int len) {
        encode(text, off, off + len);
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void write(String s, int off, int len) {
        // Strings are copied out in runs (a Latin-1 String widens to chars in one intrinsic) and
        // encoded from the array, which is faster than charAt on each character.
        for (int from = off, end = off + len; from < end; ) {
            int n = Math.min(chars.length, end - from);
            s.getChars(from, from + n, chars, 0);
            encode(chars, 0, n);
            from += n;
        }
    }

    @Override
    public Writer append(CharSequence s) {
        String text = String.valueOf(s);
        write(text, 0, text.length());
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) {
        CharSequence text0 = s == null ? "null" : s;
        String text = text0.subSequence(start, end).toString();
        write(text, 0, text.length());
        return this;
    }

    @Override
    public Writer append(char c) {
        write(c);
        return this;
    }

    /** Encodes {@code text[from, to)}; ASCII, nearly all of a page, is one store per character. */
    private void encode(char[] text, int from, int to) {
        int i = from;
        if (high != 0 && i < to) {
            char c = text[i];
            if (Character.isLowSurrogate(c)) {
                four(Character.toCodePoint(high, c));
                i++;
            } else {
                one('?');
            }
            high = 0;
        }
        while (i < to) {
            byte[] p = piece;
            int a = at;
            int stop = Math.min(to, i + (p.length - a));
            // The ASCII run that fits in this piece.
            while (i < stop) {
                char c = text[i];
                if (c >= 0x80) {
                    break;
                }
                p[a++] = (byte) c;
                i++;
            }
            at = a;
            if (i == to) {
                return;
            }
            char c = text[i];
            if (c < 0x80) {
                newPiece(); // the piece is full
                continue;
            }
            i++;
            if (c < 0x800) {
                two(c);
            } else if (!Character.isSurrogate(c)) {
                three(c);
            } else if (Character.isHighSurrogate(c)) {
                if (i == to) {
                    high = c; // its low half comes with the next write
                    return;
                }
                char low = text[i];
                if (Character.isLowSurrogate(low)) {
                    four(Character.toCodePoint(c, low));
                    i++;
                } else {
                    one('?');
                }
            } else {
                one('?'); // a low surrogate with no high half before it
            }
        }
    }

    private void room(int n) {
        if (piece.length - at < n) {
            newPiece();
        }
    }

    private void newPiece() {
        full.add(at == piece.length ? piece : Arrays.copyOf(piece, at));
        size += at;
        piece = new byte[Math.min(LARGEST_PIECE, piece.length * 2)];
        at = 0;
    }

    private void one(char c) {
        room(1);
        piece[at++] = (byte) c;
    }

    private void two(char c) {
        room(2);
        piece[at++] = (byte) (0xc0 | (c >> 6));
        piece[at++] = (byte) (0x80 | (c & 0x3f));
    }

    private void three(char c) {
        room(3);
        piece[at++] = (byte) (0xe0 | (c >> 12));
        piece[at++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        piece[at++] = (byte) (0x80 | (c & 0x3f));
    }

    private void four(int cp) {
        room(4);
        piece[at++] = (byte) (0xf0 | (cp >> 18));
        piece[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        piece[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        piece[at++] = (byte) (0x80 | (cp & 0x3f));
    }

    /** Everything written, as UTF-8. */
    byte[] bytes() {
        if (high != 0) {
            high = 0;
            one('?'); // the text ended in half a pair
        }
        if (full.isEmpty()) {
            return Arrays.copyOf(piece, at);
        }
        byte[] out = new byte[size + at];
        int to = 0;
        for (byte[] p : full) {
            System.arraycopy(p, 0, out, to, p.length);
            to += p.length;
        }
        System.arraycopy(piece, 0, out, to, at);
        return out;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
