package org.hearth.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.model.Block;

/** Splits a body's rendered HTML into blocks at the markers {@link Flexmark} leaves for special blocks. */
final class HtmlSplitter {

    private static final Pattern MARKER = Pattern.compile("<!--hearth:(block|fac-start|fac-end):(\\d+)-->\\n?");

    private HtmlSplitter() {
    }

    /** The blocks of {@code html}, with marker n replaced by {@code special.get(n)}. */
    static List<Block> split(String html, List<Block> special) {
        List<Block> out = new ArrayList<>();
        Matcher m = MARKER.matcher(html);
        int last = 0;
        int facilitatorStart = -1;
        while (m.find()) {
            String kind = m.group(1);
            if (kind.equals("fac-end")) {
                out.add(new Block.Facilitator(html.substring(facilitatorStart, m.start())));
                facilitatorStart = -1;
            } else {
                addHtml(out, html.substring(last, m.start()));
                if (kind.equals("fac-start")) {
                    facilitatorStart = m.end();
                } else {
                    out.add(special.get(Integer.parseInt(m.group(2))));
                }
            }
            last = m.end();
        }
        addHtml(out, html.substring(last));
        return out;
    }

    private static void addHtml(List<Block> out, String html) {
        if (!html.isBlank()) {
            out.add(new Block.Html(html));
        }
    }
}
