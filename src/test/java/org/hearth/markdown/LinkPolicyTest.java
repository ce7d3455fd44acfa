package org.hearth.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.content.DocumentKind;
import org.hearth.content.FrontMatter;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.model.Block;
import org.hearth.source.SourceText;
import org.hearth.source.YamlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** One link policy for links and images, inline and by reference: strict %-decoding, unescaped once. */
class LinkPolicyTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new YamlReader());
    private final Map<String, String> docs = Map.of("pages/a.md", "a", "exercises/b.md", "b", "pages/a+b.md", "plus",
            "pages/100%.md", "full", "pages/two words.md", "two");
    private final Set<String> media = Set.of("images/sun.png");

    private RenderedDocument render(String body, Diagnostics d) {
        SourceDocument doc = new SourceDocument(DocumentKind.PAGE,
                new FrontMatter("a", "A", "A.", "p", new Position("content/pages/a.md", 4, 7), 1, List.of(), "", null, List.of()),
                new SourceText(Path.of("content/pages/a.md"), "content/pages/a.md", body, 7), "pages/a.md");
        return renderer.render(doc, docs, media, d);
    }

    private static Document html(RenderedDocument r) {
        return Jsoup.parseBodyFragment(r.blocks().stream().filter(b -> b instanceof Block.Html)
                .map(b -> ((Block.Html) b).html()).collect(Collectors.joining()));
    }

    private static List<String> messages(Diagnostics d) {
        return d.list().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aBadPercentEscapeIsAPositionedErrorNotACrash() {
        Diagnostics d = new Diagnostics();
        render("Intro\n\nSee [x](../exercises/b%zz.md) and ![y](../images/s%2.png).\n", d);
        List<String> m = messages(d);
        assertEquals(2, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("content/pages/a.md:9:23: error: '%zz' is not a valid %-escape"), m.toString());
        assertTrue(m.get(1).startsWith("content/pages/a.md:9:51: error: '%2.' is not a valid %-escape"), m.toString());
    }

    @Test
    void percentEscapesMustSpellUtf8() {
        Diagnostics d = new Diagnostics();
        render("[x](two%C3%28words.md)\n", d);
        assertEquals(1, d.list().size(), messages(d).toString());
        assertTrue(messages(d).get(0).contains("not UTF-8"), messages(d).toString());
    }

    @Test
    void plusIsAPlusAndEscapesAreDecodedOnce() {
        Diagnostics d = new Diagnostics();
        Document html = html(render("[p](a+b.md) [q](100%25.md) [r](two%20words.md) [s](two&#32;words.md)\n", d));
        assertEquals(List.of(), messages(d));
        assertEquals(List.of("plus.html", "full.html", "two.html", "two.html"), html.select("a").eachAttr("href"));
    }

    @Test
    void entitiesInAnAddressAreUnescapedExactlyOnce() {
        Diagnostics d = new Diagnostics();
        Document html = html(render("[x](https://example.org/?q=&amp;lt;) [y](https://example.org/a%2520b)\n", d));
        assertEquals(List.of(), messages(d));
        assertEquals(List.of("https://example.org/?q=&lt;", "https://example.org/a%2520b"), html.select("a").eachAttr("href"));
    }

    @Test
    void referenceStyleRemoteImagesAreRefusedLikeInlineOnes() {
        Diagnostics d = new Diagnostics();
        Document html = html(render("Look: ![x][r]\n\n[r]: https://example.org/a.png\n", d));
        List<String> m = messages(d);
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("content/pages/a.md:7:7: error: image from another site: https://example.org/a.png"), m.toString());
        assertFalse(html.html().contains("example.org"), html.html());
    }

    @Test
    void referenceStyleImagesAndLinksFollowTheSamePolicyAsInlineOnes() {
        Diagnostics d = new Diagnostics();
        RenderedDocument r = render("![sun][s] [b][b] [bad][j]\n\n[s]: ../images/sun.png\n[b]: ../exercises/b.md\n[j]: javascript:alert(1)\n", d);
        List<String> m = messages(d);
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).contains("link scheme 'javascript:' is not allowed"), m.toString());
        Document html = html(r);
        assertEquals("media/images/sun.png", html.selectFirst("img").attr("src"));
        assertEquals(List.of("b.html", "#"), html.select("a").eachAttr("href"));
        assertEquals(List.of("images/sun.png"), r.media());
    }

    @Test
    void theSchemeIsCheckedAfterDecoding() {
        Diagnostics d = new Diagnostics();
        Document html = html(render("[x](javascript%3Aalert(1)) [y](data%3atext/html,x) <vbscript:x>\n", d));
        List<String> m = messages(d);
        assertEquals(3, m.size(), m.toString());
        assertTrue(m.stream().allMatch(s -> s.contains("is not allowed")), m.toString());
        assertEquals(List.of("#", "#", "#"), html.select("a").eachAttr("href"));
    }
}
