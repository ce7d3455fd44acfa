package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The search index's plain text is what the two regular expressions it replaced made of the same HTML. */
class SearchIndexTextTest {

    /** The former implementation, kept here as the reference. */
    private static String regexes(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replaceAll("\\s+", " ");
    }

    @Test
    void sameTextAsTheRegularExpressions() {
        List<String> cases = List.of(
                "<p>One <em>two</em>\n\tthree</p>\n<ul>\n<li>four</li>\n</ul>\n",
                "a <> b < c > d",
                "unclosed <b and more",
                "<<b>>x",
                "&amp;lt; &amp;amp; &quot;q&quot; 1 &lt; 2 &gt; 0",
                "&am<b>p; split entity",
                "  lead\u000Band\u000Cform\rfeed  ",
                "<a href=\"x\">link</a><br/><img alt=\"a > b\"/>",
                "",
                "<",
                "x<",
                "\u00a0non-breaking\u2003em space stay");
        for (String html : cases) {
            assertEquals(regexes(html), SearchIndex.plain(html), html);
        }
    }
}
