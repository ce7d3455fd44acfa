package org.hearth.markdown;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.xml.sax.InputSource;

/**
 * Fuzz target: Markdown to HTML. Whatever the body, rendering ends with HTML in which no script
 * element, no event attribute and no {@code javascript:}, {@code vbscript:} or {@code data:} address
 * survives, which is well-formed XML (the PDF is laid out from it), and every problem found is a
 * diagnostic with a line in the file. {@code mvn test} replays the corpus under
 * {@code src/test/resources/org/hearth/markdown/MarkdownFuzzTestInputs/}; README "Fuzzing" says how to fuzz.
 */
class MarkdownFuzzTest {

    private static final Pattern BAD_URL = Pattern.compile("^(javascript|vbscript|data):");
    private static final Pattern IGNORED = Pattern.compile("[\\x00-\\x20\\x7f]");

    private final MarkdownRenderer renderer = new MarkdownRenderer(new YamlReader());
    private final Map<String, String> docs = Map.of("pages/a.md", "a", "exercises/b.md", "b");
    private final Set<String> media = Set.of("images/sun.png");

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"[", "](", "![", "]: ", "> ", "- ", "1. ", "**", "_", "`", "```", "```write\\x0A", "```tracker\\x0A",
            "!!! note\\x0A    ", "!!! facilitator\\x0A    ", "<script>", "javascript:", "JaVaScRiPt:", "data:", "&#", "&amp;",
            "%", "%2", "../", "#", "<https://", "\\\\", "|---|", "\\x0A\\x0A", "onerror="})
    void render(byte[] input) throws Exception {
        String body = new String(input, StandardCharsets.UTF_8);
        SourceDocument doc = new SourceDocument(DocumentKind.PAGE,
                new FrontMatter("a", "A", "A.", "p", new Position("content/pages/a.md", 2, 5), 1, List.of(), "", null, List.of()),
                new SourceText(Path.of("content/pages/a.md"), "content/pages/a.md", body, 8), "pages/a.md");
        Diagnostics d = new Diagnostics();
        RenderedDocument r = renderer.render(doc, docs, media, d);
        for (Diagnostic problem : d.list()) {
            assertTrue(problem.position().line() >= 8, "unpositioned: " + problem.format());
        }
        String html = r.blocks().stream().map(b -> switch (b) {
            case Block.Html h -> h.html();
            case Block.Facilitator f -> f.html();
            default -> "";
        }).collect(Collectors.joining());
        Element root = Jsoup.parseBodyFragment(html).body();
        assertTrue(root.select("script, iframe, object, embed, style, link, meta, base, form").isEmpty(), html);
        for (Element e : root.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase(Locale.ROOT).startsWith("on"), "event attribute in " + html);
                String value = IGNORED.matcher(a.getValue()).replaceAll("").toLowerCase(Locale.ROOT);
                assertFalse(BAD_URL.matcher(value).find(), "unsafe address in " + html);
            }
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.parse(new InputSource(new StringReader("<div>" + html + "</div>")));
        } catch (org.xml.sax.SAXException e) {
            fail("not well-formed XML (" + e.getMessage() + "): " + html);
        }
    }
}
