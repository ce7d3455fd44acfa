package org.hearth.markdown;

import com.vladsch.flexmark.util.sequence.Html5Entities;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Makes rendered HTML also valid XML, which the PDF is laid out from: entities and characters. */
final class XmlSafe {

    private static final Pattern ENTITY = Pattern.compile("&([a-zA-Z][a-zA-Z0-9]*);");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    private XmlSafe() {
    }

    /**
     * Replaces named HTML entities (which CommonMark passes through, and the typographic extension
     * emits) by their characters, keeping only the five XML knows, so the HTML is also valid XHTML.
     */
    static String entities(String html) {
        if (html.indexOf('&') < 0) {
            return html; // nothing to replace: skip the copy
        }
        Matcher m = ENTITY.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement = XML_ENTITIES.contains(name) ? m.group() : Html5Entities.entityToString(m.group());
            if (replacement.startsWith("&") && !XML_ENTITIES.contains(name)) {
                replacement = "&amp;" + m.group().substring(1); // unknown entity: show it as text
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.equals("&") ? "&amp;" : replacement.equals("<") ? "&lt;" : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Replaces characters XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF), which
     * a source file or a numeric entity such as {@code &#xD800;} can carry, by U+FFFD: the PDF is laid
     * out from this HTML parsed as XML, and one such character would stop it.
     */
    static String characters(String html) {
        StringBuilder out = null;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < html.length() && Character.isLowSurrogate(html.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(html.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0xD800) || (c > 0xDFFF && c < 0xFFFE);
            if (!ok && out == null) {
                out = new StringBuilder(html.length()).append(html, 0, i);
            }
            if (out != null) {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out == null ? html : out.toString();
    }
}
