package org.hearth.render.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.batik.transcoder.SVGAbstractTranscoder;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.PNGTranscoder;
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

    /** Draws the SVG as the layout does (Batik, through Flying Saucer); the failure, if any. */
    private static java.util.Optional<String> svgProblem(byte[] bytes) {
        try {
            PNGTranscoder png = new PNGTranscoder();
            png.addTranscodingHint(SVGAbstractTranscoder.KEY_WIDTH, 16f);
            png.addTranscodingHint(SVGAbstractTranscoder.KEY_HEIGHT, 16f);
            png.transcode(new TranscoderInput(new ByteArrayInputStream(bytes)), new TranscoderOutput(new ByteArrayOutputStream()));
            return java.util.Optional.empty();
        } catch (TranscoderException | RuntimeException e) {
            // Batik's messages are often only a location such as "null:-1": keep the most telling one.
            String best = e.getClass().getSimpleName();
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String m = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
                if (m.length() > best.length() && !m.matches("null:-?\\d+")) {
                    best = m;
                }
            }
            return java.util.Optional.of(best);
        }
    }

    /** Every unreadable raster image among {@code media} (by path inside the content folder), in path order. */
    public static List<Problem> problems(Map<String, byte[]> media) {
        List<Problem> problems = new ArrayList<>();
        new java.util.TreeMap<>(media).forEach((path, bytes) -> {
            String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (ext.equals("svg")) {
                // Its content was checked, with positions, when it was read; here: can the PDF draw it?
                svgProblem(bytes).ifPresent(m -> problems.add(new Problem(path, "the PDF cannot draw this SVG image: " + m,
                        "simplify the drawing (SVG 1.1 features only), or save it as PNG")));
                return;
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
