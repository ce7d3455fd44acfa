package org.hearth.answers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;

/**
 * Breaks an answer into the lines of a ruled writing space, measured with the fonts the answer is
 * set in (the body serif, and the sans for letters the serif lacks, such as Greek and Cyrillic).
 * A line broken at a space keeps that space at its end, so joining the lines gives the text back.
 */
public final class LineBreaker {

    private final BaseFont serif;
    private final BaseFont sans;

    /** A breaker measuring with these TrueType fonts. */
    public LineBreaker(byte[] serifTtf, byte[] sansTtf) {
        this.serif = font("Yrsa-Regular.ttf", serifTtf);
        this.sans = font("Lato-Regular.ttf", sansTtf);
    }

    private static BaseFont font(String name, byte[] ttf) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.NOT_EMBEDDED, false, ttf, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the theme font " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether one of the fonts has a glyph for the character (line breaks and tabs count as shown). */
    public boolean canShow(int codePoint) {
        return codePoint == '\n' || codePoint == '\t' || serif.charExists(codePoint) || sans.charExists(codePoint);
    }

    /**
     * A piece of text set in one font: {@code sans} when the serif lacks its letters. Flying Saucer
     * does not fall back per character, so a keepsake sets such runs in the sans explicitly.
     */
    public record Run(String text, boolean sans) {
    }

    /** {@code text} cut into runs the serif can show and runs it cannot. */
    public List<Run> runs(String text) {
        List<Run> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean curSans = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean needsSans = !Character.isWhitespace(c) && !serif.charExists(c) && sans.charExists(c);
            boolean isSans = Character.isWhitespace(c) ? curSans : needsSans;
            if (isSans != curSans && !cur.isEmpty()) {
                out.add(new Run(cur.toString(), curSans));
                cur.setLength(0);
            }
            curSans = isSans;
            cur.appendCodePoint(c);
            i += Character.charCount(c);
        }
        if (!cur.isEmpty()) {
            out.add(new Run(cur.toString(), curSans));
        }
        return out;
    }

    /** The width of {@code text} in points at {@code size}. */
    public float width(String text, float size) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            w += serif.charExists(c) ? serif.getWidthPoint(c, size) : sans.getWidthPoint(c, size);
            i += Character.charCount(c);
        }
        return w;
    }

    /**
     * The lines of {@code text} at most {@code widthPt} wide: each hard line break starts a line,
     * long lines break after a space (a word longer than a line breaks where it must).
     */
    public List<String> lines(String text, float widthPt, float size) {
        List<String> out = new ArrayList<>();
        for (String hard : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            String rest = hard;
            while (width(rest.stripTrailing(), size) > widthPt) {
                int cut = fit(rest, widthPt, size);
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            out.add(rest);
        }
        while (out.size() > 1 && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    /** Where to cut {@code s}: after the last space that fits, else after the last character that fits. */
    private int fit(String s, float widthPt, float size) {
        int lastSpace = -1;
        int lastChar = 0;
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int next = i + Character.charCount(c);
            if (c == ' ') {
                lastSpace = next; // the space stays at the end of the line
            } else {
                w += serif.charExists(c) ? serif.getWidthPoint(c, size) : sans.getWidthPoint(c, size);
                if (w > widthPt) {
                    break;
                }
                lastChar = next;
            }
            if (c == ' ') {
                w += serif.getWidthPoint(' ', size);
            }
            i = next;
        }
        if (lastSpace > 0) {
            return lastSpace;
        }
        return Math.max(lastChar, Character.charCount(s.codePointAt(0)));
    }
}
