package org.hearth.markdown;

import com.vladsch.flexmark.util.ast.Document;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Block;
import org.hearth.source.SourceText;
import org.hearth.source.YamlReader;

/**
 * Stage 3, render Markdown: turns each body into {@link Block}s with one flexmark parser and one
 * renderer, configured once ({@link Flexmark}). Raw HTML is escaped; every link and image is
 * checked and rewritten to a site path by {@link LinkPolicy}; fenced blocks are read by
 * {@link BlockSchemas}; the HTML is made XML-safe ({@link XmlSafe}) and split into blocks
 * ({@link HtmlSplitter}).
 */
public final class MarkdownRenderer {

    /** Callout kinds authors may use with {@code !!! kind "Title"}. */
    public static final Map<String, String> CALLOUTS = Map.of(
            "note", "Note", "tip", "A small tip", "care", "Go gently", "example", "An example",
            "facilitator", "For facilitators");

    private static final Pattern HEADING_ID = Pattern.compile("<h[1-6][^>]*\\sid=\"([^\"]+)\"");

    private final Flexmark flexmark = new Flexmark();
    private final BlockSchemas schemas;
    private final NestingLimit nesting = new NestingLimit();

    public MarkdownRenderer(YamlReader yaml) {
        this.schemas = new BlockSchemas(yaml);
    }

    /**
     * Renders one document's body.
     *
     * @param doc the document
     * @param documentsByPath ids of all documents, by path inside the content folder (for links)
     * @param media media files present in the content folder
     * @param d where problems go
     */
    public RenderedDocument render(SourceDocument doc, Map<String, String> documentsByPath, Set<String> media, Diagnostics d) {
        SourceText body = doc.body();
        // Checked before parsing: flexmark recurses once per level and would overflow the stack.
        var tooDeep = nesting.check(body.text());
        if (tooDeep.isPresent()) {
            d.error(body.atOffset(tooDeep.get().offset()), tooDeep.get().message(),
                    "no workbook needs this; check for a run of '>', list markers, brackets or '*' left by a paste");
            return new RenderedDocument(doc, List.of(), List.of(), List.of(), List.of());
        }
        Document ast = flexmark.parser.parse(body.text());
        ast.set(Flexmark.DOC_ID, doc.id());
        Set<String> usedMedia = new LinkedHashSet<>();
        List<RenderedDocument.FragmentLink> fragments = new ArrayList<>();
        // Links and images are checked and rewritten by LinkPolicy as they are rendered.
        ast.set(LinkPolicy.SCOPE, new LinkPolicy.Scope(doc, documentsByPath, media, usedMedia, fragments, d));
        List<Block> special = new ArrayList<>();
        schemas.collect(ast, doc, special, d);
        String html = XmlSafe.characters(XmlSafe.entities(flexmark.renderer.render(ast)));
        List<String> anchors = new ArrayList<>();
        // As HEADING_ID.find() in a loop, tried only where a tag starting "<h" is: scanning every
        // character of the page with the expression was 4 % of rendering its Markdown.
        Matcher ids = HEADING_ID.matcher(html);
        for (int at = html.indexOf("<h"); at >= 0; ) {
            if (ids.region(at, html.length()).lookingAt()) {
                anchors.add(ids.group(1));
                at = html.indexOf("<h", ids.end());
            } else {
                at = html.indexOf("<h", at + 1);
            }
        }
        return new RenderedDocument(doc, HtmlSplitter.split(html, special), List.copyOf(usedMedia), anchors, fragments);
    }

    /** Heading anchors are prefixed with the document id so they stay unique in the one-file PDF. */
    static String anchor(String docId, String fragment) {
        return docId + "--" + fragment;
    }
}
