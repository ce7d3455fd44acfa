package org.hearth.render.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openpdf.text.Image;

/**
 * Which of the workbook's images the PDF cannot embed, found before layout: Flying Saucer would
 * otherwise fail deep inside the layout, with no file named.
 */
public final class PdfImages {

    /** One image the PDF cannot use. */
    public record Problem(String path, String message, String hint) {
    }

    private PdfImages() {
    }

    /** Every unreadable raster image among {@code media} (by path inside the content folder), in path order. */
    public static List<Problem> problems(Map<String, byte[]> media) {
        List<Problem> problems = new ArrayList<>();
        new java.util.TreeMap<>(media).forEach((path, bytes) -> {
            String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (ext.equals("svg")) {
                return; // checked, with positions, when the content is read
            }
            try {
                // The same decoder the layout uses, on the same bytes.
                Image.getInstance(bytes);
            } catch (Exception e) {
                problems.add(new Problem(path, "the PDF cannot read this image (" + ext + "): " + e.getMessage(),
                        "save it again as PNG or JPEG from an image editor"));
            }
        });
        return problems;
    }
}
