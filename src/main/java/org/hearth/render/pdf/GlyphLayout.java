package org.hearth.render.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.font.TextAttribute;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.GlyphLayoutFontManager;
import org.openpdf.text.pdf.GlyphLayoutManager;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTextArray;
import org.xhtmlrenderer.pdf.FontDescription;
import org.xhtmlrenderer.pdf.FontFamily;
import org.xhtmlrenderer.pdf.ITextFSFont;
import org.xhtmlrenderer.pdf.ITextFontContext;
import org.xhtmlrenderer.pdf.ITextRenderer;
import org.xhtmlrenderer.pdf.ITextTextRenderer;

/**
 * Kerning and standard ligatures for the theme's fonts. Flying Saucer draws every run of text with
 * {@code PdfContentByte.showText}, which hands it to the document's OpenPDF {@link GlyphLayoutManager}
 * when one is set and knows the font; the manager shapes the run with Java's font layout (the font's
 * GPOS kerning and {@code liga} substitutions) and writes the glyphs with their positioning
 * adjustments ({@code TJ}). OpenPDF maps a glyph that is not in the font's character map to the
 * first letter it stands for, so "fi" would copy as "f": here a ligature glyph maps to its Unicode
 * presentation form (U+FB01 for "fi"), which search and copy in viewers and text extractors unfold
 * into its letters, and a run that holds a ligature also carries its letters as {@code /ActualText}.
 * Flying Saucer measures lines without kerning, so a kerned line is a hair shorter than laid out,
 * which ragged-right text does not show.
 */
final class GlyphLayout {

    private final ThemeFonts fonts = new ThemeFonts();
    private final java.util.function.Supplier<List<byte[]>> fontFiles;
    private final Widths widths;
    private ITextRenderer renderer;
    private int described = -1;

    /**
     * @param fontFiles the font files the user agent served so far (for {@code @font-face})
     * @param widths the widths already measured for the same document (the copy-fitting layout's, for the real one)
     */
    GlyphLayout(java.util.function.Supplier<List<byte[]>> fontFiles, Widths widths) {
        this.fontFiles = fontFiles;
        this.widths = widths;
    }

    /**
     * Shaped widths by font file, size and text. Shaping is a pure function of the three, and each
     * layout of a PDF measures the same runs again and again (every break the line breaker tries, and
     * the copy-fitting layout's runs once more in the real layout): one memo for every layout of a
     * PDF measures each run once. The font file is compared by identity, as the theme serves each
     * file as one array.
     */
    static final class Widths {

        private final Map<Key, Integer> measured = new HashMap<>();

        /**
         * A run's font file, size and text. Written out rather than a record: a record's equals and
         * hashCode go through method handles, which cost more than the look-up saves while the JVM is
         * still interpreting them (most of a cold build).
         */
        private static final class Key {

            private final byte[] file;
            private final float size;
            private final String text;
            private final int hash;

            Key(byte[] file, float size, String text) {
                this.file = file;
                this.size = size;
                this.text = text;
                this.hash = (System.identityHashCode(file) * 31 + Float.floatToIntBits(size)) * 31 + text.hashCode();
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Key k && k.file == file && Float.floatToIntBits(k.size) == Float.floatToIntBits(size) && k.text.equals(text);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }
    }

    /** The renderer whose {@code @font-face} fonts are shaped. */
    void attach(ITextRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * The layout manager to set on the PDF document. Fonts it does not know (the folio font, the form
     * fonts, Flying Saucer's built-in fallbacks) are drawn as before, glyph by glyph.
     */
    GlyphLayoutManager manager() {
        learnFonts();
        return new Shaper(fonts);
    }

    /**
     * A text renderer that measures with the same kerning and ligatures the text is drawn with, so a
     * run followed by a link or a bold word ends where the layout expects it (no widened gap).
     */
    ITextTextRenderer measurer() {
        return new ITextTextRenderer() {
            @Override
            public int getWidth(ITextFontContext context, ITextFSFont font, String string) {
                BaseFont base = font.getFontDescription().getFont();
                byte[] file = fonts.fileOf(base);
                if (file == null) {
                    // Learning the fonts again only adds fonts, so a font already known needs no look.
                    learnFonts();
                    file = fonts.fileOf(base);
                }
                if (string.isEmpty() || file == null) {
                    return super.getWidth(context, font, string);
                }
                float size = font.getSize2D();
                return widths.measured.computeIfAbsent(new Widths.Key(file, size, string), key -> shapedWidth(base, size, string));
            }
        };
    }

    /** The width of {@code string} shaped in {@code base} at {@code size}, rounded as Flying Saucer rounds. */
    private int shapedWidth(BaseFont base, float size, String string) {
        char[] chars = string.toCharArray();
        Font awt = fonts.getAwtFont(base, size);
        GlyphVector glyphs = awt.layoutGlyphVector(new FontRenderContext(new AffineTransform(), false, true),
                chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        double width = glyphs.getGlyphPosition(glyphs.getNumGlyphs()).getX();
        // Flying Saucer's own rounding: up, unless a hair over a whole unit.
        return width - Math.floor(width) < 0.1 ? (int) width : (int) Math.ceil(width);
    }

    /** Matches the renderer's {@code @font-face} fonts with the served font files, by PostScript name (again when more were loaded). */
    private void learnFonts() {
        if (renderer == null) {
            return;
        }
        List<byte[]> files = fontFiles.get();
        int count = 0;
        for (FontFamily family : renderer.getFontResolver().getFonts().values()) {
            count += family.getFontDescriptions().size();
        }
        if (count + files.size() * 1000 == described) {
            return;
        }
        described = count + files.size() * 1000;
        Map<String, byte[]> byName = new HashMap<>();
        for (byte[] file : files) {
            try {
                byName.putIfAbsent(Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(file)).getPSName(), file);
            } catch (FontFormatException | IOException e) {
                // Not a font Java can lay out: its text stays unshaped, as Flying Saucer draws it.
            }
        }
        for (FontFamily family : renderer.getFontResolver().getFonts().values()) {
            for (FontDescription description : family.getFontDescriptions()) {
                BaseFont font = description.getFont();
                byte[] file = byName.get(font.getPostscriptFontName());
                if (description.isFromFontFace() && file != null) {
                    fonts.add(font, file);
                }
            }
        }
    }

    /** The Unicode presentation forms of the Latin standard ligatures, by the letters they join. */
    private static final Map<String, Character> PRESENTATION_FORMS = Map.of(
            "ff", '\uFB00', "fi", '\uFB01', "fl", '\uFB02', "ffi", '\uFB03', "ffl", '\uFB04', "ft", '\uFB05', "st", '\uFB06');

    /** OpenPDF's glyph layout with ligatures that keep their letters in the text layer. */
    private static final class Shaper extends GlyphLayoutManager {

        private final GlyphLayoutFontManager fonts;
        /**
         * Each glyph's own advance, by font, size and glyph: asking the glyph vector for its metrics
         * computes the glyph's outline bounds too, for every glyph drawn, where the advance is all
         * that is read and a font has a few dozen glyphs.
         */
        private final Map<Advance, Float> advances = new HashMap<>();

        /** A glyph of a font at a size (written out, not a record, for the reason {@link Widths.Key} gives). */
        private static final class Advance {

            private final BaseFont font;
            private final float size;
            private final int glyph;

            Advance(BaseFont font, float size, int glyph) {
                this.font = font;
                this.size = size;
                this.glyph = glyph;
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Advance a && a.font == font && Float.floatToIntBits(a.size) == Float.floatToIntBits(size) && a.glyph == glyph;
            }

            @Override
            public int hashCode() {
                return (System.identityHashCode(font) * 31 + Float.floatToIntBits(size)) * 31 + glyph;
            }
        }

        Shaper(GlyphLayoutFontManager fonts) {
            super(fonts);
            this.fonts = fonts;
        }

        /** The advance of glyph {@code i} of {@code glyphs}, shaped in {@code font} at {@code size}, unkerned. */
        private float advance(GlyphVector glyphs, int i, BaseFont font, float size) {
            return advances.computeIfAbsent(new Advance(font, size, glyphs.getGlyphCode(i)), key -> glyphs.getGlyphMetrics(i).getAdvanceX());
        }

        @Override
        public void showText(PdfContentByte cb, BaseFont baseFont, float fontSize, String text) {
            // Every run is left to right (Hearth's languages), so OpenPDF's bidi split is not needed.
            GlyphVector glyphs = computeGlyphVector(baseFont, fontSize, text);
            int n = glyphs.getNumGlyphs();
            boolean[] plain = new boolean[n];
            boolean allPlain = true;
            char[] forCmap = text.toCharArray();
            // The glyphs the font's character map alone gives (no layout features), to tell a substituted glyph.
            GlyphVector mapped = fonts.getAwtFont(baseFont, fontSize).createGlyphVector(createFontRenderContext(), forCmap.clone());
            for (int i = 0; i < n; i++) {
                if (Math.abs(glyphs.getGlyphPosition(i).getY()) > 1e-5) {
                    super.showText(cb, baseFont, fontSize, text); // raised or lowered marks: OpenPDF's own path
                    return;
                }
                String letters = letters(glyphs, i, text);
                int from = glyphs.getGlyphCharIndex(i);
                plain[i] = letters.codePointCount(0, letters.length()) == 1 && from < mapped.getNumGlyphs()
                        && mapped.getGlyphCode(from) == glyphs.getGlyphCode(i);
                if (!plain[i]) {
                    allPlain = false;
                    Character form = PRESENTATION_FORMS.get(letters);
                    if (form != null) {
                        forCmap[glyphs.getGlyphCharIndex(i)] = form;
                    }
                }
            }
            if (!allPlain) {
                completeCmap(cb, baseFont, new String(forCmap), glyphs);
                beginMarkedContentSequence(cb, text);
            }
            // A glyph that is just its letter goes through OpenPDF's text path, which records the letter
            // for the ToUnicode map (a glyph shared by two characters, such as the space and the no-break
            // space, would otherwise copy as whichever the font lists last); only ligatures go by glyph id.
            // Kerning is the difference between where the layout puts a glyph and where the previous
            // glyph's advance leaves it, written as a TJ adjustment in thousandths of the font size.
            PdfTextArray run = new PdfTextArray();
            boolean pending = false;
            double lastX = 0;
            for (int i = 0; i < n; i++) {
                double x = glyphs.getGlyphPosition(i).getX();
                double dx = i == 0 ? x : x - lastX - advance(glyphs, i - 1, baseFont, fontSize);
                if (Math.abs(dx) >= 1e-3) {
                    run.add((float) (-dx * 1000 / fontSize));
                    pending = true;
                }
                if (plain[i]) {
                    run.add(letters(glyphs, i, text));
                    pending = true;
                } else {
                    if (pending) {
                        cb.showText(run);
                        run = new PdfTextArray();
                        pending = false;
                    }
                    cb.showText(glyphs, i, i + 1);
                }
                lastX = x;
            }
            if (pending) {
                cb.showText(run);
            }
            if (!allPlain) {
                endMarkedContentSequence(cb);
            }
        }

        /** The characters glyph {@code i} stands for (several for a ligature). */
        private static String letters(GlyphVector glyphs, int i, String text) {
            int from = glyphs.getGlyphCharIndex(i);
            int to = i + 1 < glyphs.getNumGlyphs() ? glyphs.getGlyphCharIndex(i + 1) : text.length();
            return text.substring(from, Math.max(to, from + 1));
        }
    }

    /** The theme's fonts, each with kerning and ligatures on; any other font is left to OpenPDF's plain path. */
    private static final class ThemeFonts extends GlyphLayoutFontManager {

        private static final Map<TextAttribute, Object> KERN_LIGA = Map.of(
                TextAttribute.KERNING, TextAttribute.KERNING_ON,
                TextAttribute.LIGATURES, TextAttribute.LIGATURES_ON);

        /** Each shaped font's file, the one its Java font was loaded from. */
        private final Map<BaseFont, byte[]> known = new IdentityHashMap<>();

        void add(BaseFont font, byte[] file) {
            if (known.containsKey(font)) {
                return;
            }
            try {
                loadAwtFontFromInputStream(KERN_LIGA, new ByteArrayInputStream(file), font);
                known.put(font, file);
            } catch (FontFormatException | IOException e) {
                // Checked when the name was read; a font Java cannot load is drawn unshaped.
            }
        }

        byte[] fileOf(BaseFont font) {
            return known.get(font);
        }

        @Override
        public boolean supportsFont(BaseFont baseFont) {
            // OpenPDF's own manager throws for a font it was not given; here such a font is simply not shaped.
            return known.containsKey(baseFont);
        }
    }
}
