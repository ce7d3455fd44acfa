package org.hearth.render.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;

/** The theme's TrueType fonts as OpenPDF fonts, for what is drawn on the laid-out pages. */
final class ThemeFonts {

    private ThemeFonts() {
    }

    /** {@code ttf} (the theme's {@code file}) embedded with Unicode encoding, subset unless the caller says otherwise. */
    static BaseFont embedded(String file, byte[] ttf) {
        try {
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, ttf, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the theme's " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
