package org.hearth.render.pdf;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;

/**
 * Flying Saucer's view of the outside world, reduced to two in-memory folders: {@code theme/}
 * (the theme's static files) and {@code media/} (the content's images). Any other address, a file
 * path or a URL, is refused and recorded, so the build fails instead of silently dropping it.
 */
final class ThemeUserAgent extends ITextUserAgent {

    /** Base of every address in the generated XHTML; nothing outside it is served. */
    static final String BASE = "hearth:/book/";

    private final Function<String, byte[]> theme;
    private final Map<String, byte[]> media;
    private final List<String> refused = new ArrayList<>();
    private final List<byte[]> fonts = new ArrayList<>();

    ThemeUserAgent(ITextOutputDevice device, int dotsPerPixel, Function<String, byte[]> theme, Map<String, byte[]> media) {
        super(device, dotsPerPixel);
        this.theme = theme;
        this.media = media;
        setBaseURL(BASE);
    }

    @Override
    public String resolveURI(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            return new URI(BASE).resolve(new URI(uri)).toString();
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    @Override
    protected InputStream resolveAndOpenStream(String uri) {
        String resolved = resolveURI(uri);
        byte[] bytes = lookup(resolved);
        if (bytes == null) {
            synchronized (refused) {
                refused.add(uri);
            }
            return null;
        }
        String lower = resolved.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".ttf") || lower.endsWith(".otf")) {
            synchronized (fonts) {
                fonts.add(bytes);
            }
        }
        return new ByteArrayInputStream(bytes);
    }

    /** The font files Flying Saucer loaded (for {@code @font-face}), in the order it asked for them. */
    List<byte[]> fonts() {
        synchronized (fonts) {
            return List.copyOf(fonts);
        }
    }

    private byte[] lookup(String resolved) {
        if (resolved != null && resolved.equals(DEFAULT_CSS_URL)) {
            return defaultCss();
        }
        if (resolved == null || !resolved.startsWith(BASE)) {
            return null;
        }
        String path = resolved.substring(BASE.length());
        if (path.contains("..")) {
            return null;
        }
        if (path.startsWith("theme/")) {
            return theme.apply(path.substring("theme/".length()));
        }
        if (path.startsWith("media/")) {
            return media.get(path.substring("media/".length()));
        }
        return null;
    }

    /** Flying Saucer's built-in XHTML stylesheet, which it loads through the user agent. */
    private static final String DEFAULT_CSS = "/resources/css/XhtmlNamespaceHandler.css";
    private static final String DEFAULT_CSS_URL = String.valueOf(ITextUserAgent.class.getResource(DEFAULT_CSS));

    private static byte[] defaultCss() {
        try (InputStream in = ITextUserAgent.class.getResourceAsStream(DEFAULT_CSS)) {
            return in == null ? null : in.readAllBytes();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Addresses that were asked for and refused, in order. */
    List<String> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }
}
