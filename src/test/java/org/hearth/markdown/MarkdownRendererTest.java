package org.hearth.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new YamlReader());
    private final Map<String, String> docs = Map.of("pages/a.md", "a", "exercises/b.md", "b");
    private final Set<String> media = Set.of("images/sun.png");

    private RenderedDocument render(String body, Diagnostics d) {
        SourceDocument doc = new SourceDocument(DocumentKind.PAGE,
                new FrontMatter("a", "A", "A.", "p", new Position("content/pages/a.md", 4, 7), 1, List.of(), "", null, List.of()),
                new SourceText(Path.of("content/pages/a.md"), "content/pages/a.md", body, 7), "pages/a.md");
        return renderer.render(doc, docs, media, d);
    }

    private static String html(RenderedDocument r) {
        return r.blocks().stream().filter(b -> b instanceof Block.Html).map(b -> ((Block.Html) b).html()).collect(Collectors.joining());
    }

    private static List<String> messages(Diagnostics d) {
        return d.list().stream().map(Diagnostic::format).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "java&#115;cript:alert(1)", "JAVASCRIPT:alert(1)", "java\\script:x",
            "&#106;avascript:alert(1)", "vbscript:x", "data:text/html,x", "file:///etc/passwd", " javascript:x"})
    void unsafeSchemesAreErrorsEvenWhenEncoded(String url) {
        Diagnostics d = new Diagnostics();
        RenderedDocument r = render("[x](" + url + ")\n", d);
        assertTrue(d.hasErrors(), "expected an error for " + url);
        assertFalse(html(r).toLowerCase().contains("script:"), html(r));
    }

    @Test
    void errorsPointAtTheLinkInTheFile() {
        Diagnostics d = new Diagnostics();
        render("Some text\n\nSee [here](java&#115;cript:alert(1)).\n", d);
        assertEquals(List.of("content/pages/a.md:9:5: error: link scheme 'javascript:' is not allowed\n"
                + "    hint: links may use http, https or mailto, or point to a file in content/"), messages(d));
    }

    @Test
    void carriageReturnsInTextBecomeLineFeedsAsFlexmarkWritesThem() {
        Diagnostics d = new Diagnostics();
        String crlf = html(render("One line\r\nand the next\r\n\r\nThird\rfourth\n", d));
        String lf = html(render("One line\nand the next\n\nThird\nfourth\n", d));
        assertEquals(lf, crlf);
        assertFalse(crlf.contains("\r"), crlf);
    }

    @Test
    void rawHtmlIsEscaped() {
        Diagnostics d = new Diagnostics();
        String html = html(render("<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)> too.\n", d));
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
    }

    @Test
    void internalLinksAndImagesAreRewrittenToSitePaths() {
        Diagnostics d = new Diagnostics();
        RenderedDocument r = render("[b](../exercises/b.md#step-one) [top](#intro) ![sun](../images/sun.png) [ext](https://example.org/)\n", d);
        assertEquals(List.of(), messages(d));
        String html = html(r);
        assertTrue(html.contains("href=\"b.html#b--step-one\""), html);
        assertTrue(html.contains("href=\"#a--intro\""), html);
        assertTrue(html.contains("src=\"media/images/sun.png\""), html);
        assertTrue(html.contains("href=\"https://example.org/\""), html);
        assertEquals(List.of("images/sun.png"), r.media());
    }

    @Test
    void brokenInternalLinksAndRemoteImagesAreErrors() {
        Diagnostics d = new Diagnostics();
        render("[x](../exercises/c.md) ![y](https://example.org/a.png) ![z](../images/moon.png) [w](../../etc/passwd)\n", d);
        assertEquals(4, d.list().size(), messages(d).toString());
        assertTrue(messages(d).get(0).contains("link target not found: exercises/c.md"), messages(d).toString());
        assertTrue(messages(d).get(0).contains("did you mean 'exercises/b.md'?"), messages(d).toString());
    }

    @Test
    void namedEntitiesBecomeCharactersSoTheHtmlIsAlsoXml() {
        Diagnostics d = new Diagnostics();
        String html = html(render("Caf&eacute; &nbsp;and &amp; -- \"quotes\" ... &bogus;\n", d));
        assertTrue(html.contains("Café"), html);
        assertTrue(html.contains("&amp;"), html);
        assertFalse(html.contains("&nbsp;") || html.contains("&ndash;") || html.contains("&ldquo;"), html);
        assertTrue(html.contains("&amp;bogus;"), html);
    }

    @Test
    void writingBlocksBecomeStructuredBlocks() {
        Diagnostics d = new Diagnostics();
        RenderedDocument r = render("Intro\n\n```write\nlabel: Notes\nbox: 5\n```\n\n```tracker\nrows: [One]\n```\n\n```resources\n```\n\n"
                + "!!! facilitator\n    For you only.\n\nEnd\n", d);
        assertEquals(List.of(), messages(d));
        List<String> types = r.blocks().stream().map(Block::type).toList();
        assertEquals(List.of("html", "space", "tracker", "resources", "facilitator", "html"), types);
        Block.Space space = assertInstanceOf(Block.Space.class, r.blocks().get(1));
        assertEquals(new Block.Space("a-space-1", "Notes", 5, true), space);
        assertTrue(((Block.Facilitator) r.blocks().get(4)).html().contains("For you only."));
    }

    @Test
    void blockYamlErrorsArePositionedInsideTheBlock() {
        Diagnostics d = new Diagnostics();
        render("Intro\n\n```write\nlabel: Notes\nlinse: 5\n```\n", d);
        assertEquals(List.of("content/pages/a.md:11:1: error: unknown key 'linse' in a write block\n    hint: did you mean 'lines'?"), messages(d));
    }

    @Test
    void unknownCalloutKindsAreErrors() {
        Diagnostics d = new Diagnostics();
        render("!!! warnng \"Careful\"\n    Text.\n", d);
        assertEquals(1, d.list().size());
        assertTrue(messages(d).get(0).startsWith("content/pages/a.md:7:1: error: unknown callout 'warnng'"), messages(d).toString());
    }

    @Test
    void calloutTitlesGetTypographicQuotesLikeTheText() {
        Diagnostics d = new Diagnostics();
        String html = html(render("!!! care \"Only where it's safe\"\n    Don't rush.\n", d));
        assertTrue(html.contains("Only where it\u2019s safe"), html);
        assertTrue(html.contains("Don\u2019t rush."), html);
    }
}
