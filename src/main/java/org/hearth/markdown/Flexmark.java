package org.hearth.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hearth.source.Typography;

/**
 * The one flexmark parser and HTML renderer, configured once: raw HTML escaped, typographic
 * characters rather than entities, callouts drawn by Hearth, heading ids prefixed with the
 * document id, and every link passed through {@link LinkPolicy}.
 */
final class Flexmark {

    /** The id of the document being rendered, for heading anchors. */
    static final DataKey<String> DOC_ID = new DataKey<>("HEARTH_DOC_ID", "");

    final Parser parser;
    final HtmlRenderer renderer;

    Flexmark() {
        MutableDataSet options = new MutableDataSet();
        // AdmonitionExtension's parser, behind a quick look at each line (QuickAdmonitions).
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), new QuickAdmonitions(),
                TypographicExtension.create()));
        // Raw HTML in content is shown as text: content is data, never markup.
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        // flexmark would silently drop javascript: links; LinkPolicy reports every refused link instead.
        options.set(HtmlRenderer.SUPPRESSED_LINKS, "(?!)");
        // Real characters rather than named entities: the PDF path parses the output as XML.
        options.set(TypographicExtension.DOUBLE_QUOTE_OPEN, "\u201c");
        options.set(TypographicExtension.DOUBLE_QUOTE_CLOSE, "\u201d");
        options.set(TypographicExtension.SINGLE_QUOTE_OPEN, "\u2018");
        options.set(TypographicExtension.SINGLE_QUOTE_CLOSE, "\u2019");
        options.set(TypographicExtension.SINGLE_QUOTE_UNMATCHED, "\u2019");
        options.set(TypographicExtension.ELLIPSIS, "\u2026");
        options.set(TypographicExtension.ELLIPSIS_SPACED, "\u2026");
        options.set(TypographicExtension.EN_DASH, "\u2013");
        options.set(TypographicExtension.EM_DASH, "\u2014");
        options.set(TablesExtension.CLASS_NAME, "md-table");
        options.set(TablesExtension.WITH_CAPTION, false);
        // Hearth draws callouts itself; without this the extension reads its SVG icons from the jar
        // for every document parsed (a quarter of the parse time for 10,000 exercises).
        options.set(AdmonitionExtension.TYPE_SVG_MAP, Map.of());
        parser = Parser.builder(options).build();
        // The admonition extension is given to the parser only: Hearth renders callouts itself.
        MutableDataSet renderOptions = new MutableDataSet(options);
        renderOptions.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), TypographicExtension.create()));
        renderer = HtmlRenderer.builder(renderOptions)
                .nodeRendererFactory(HearthNodes::new)
                .linkResolverFactory(new LinkPolicy.Factory())
                .attributeProviderFactory(new com.vladsch.flexmark.html.IndependentAttributeProviderFactory() {
                    @Override
                    public AttributeProvider apply(com.vladsch.flexmark.html.renderer.LinkResolverContext context) {
                        return new HeadingIds();
                    }
                })
                .build();
    }

    /** Renders callouts and leaves markers where special blocks go (see {@link HtmlSplitter}). */
    private static final class HearthNodes implements NodeRenderer {

        HearthNodes(DataHolder options) {
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::code),
                    new NodeRenderingHandler<>(AdmonitionBlock.class, this::callout),
                    new NodeRenderingHandler<>(Text.class, this::text));
        }

        private void code(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
            String info = node.getInfo().toString();
            if (info.startsWith("hearth:")) {
                html.line().raw("<!--hearth:block:" + info.substring(7) + "-->").line();
            } else {
                context.delegateRender();
            }
        }

        /**
         * Plain text as flexmark's core renderer writes it ({@code unescape()}, then end-of-line
         * normalised), without its regular-expression search for a backslash or an ampersand when
         * the text has neither: that search was a tenth of rendering a page's Markdown.
         */
        private void text(Text node, NodeRendererContext context, HtmlWriter html) {
            String chars = node.getChars().toString();
            if (chars.indexOf('\\') >= 0 || chars.indexOf('&') >= 0) {
                context.delegateRender();
            } else {
                // normalizeEOL copies the text a character at a time; without a '\r' it is the text itself.
                html.text(chars.indexOf('\r') < 0 ? chars : Escaping.normalizeEOL(chars));
            }
        }

        private void callout(AdmonitionBlock node, NodeRendererContext context, HtmlWriter html) {
            String kind = node.getInfo().toString().trim().toLowerCase(Locale.ROOT);
            boolean facilitator = kind.equals("facilitator") && node.getParent() instanceof Document;
            if (facilitator) {
                html.line().raw("<!--hearth:fac-start:0-->").line();
            }
            String title = node.getTitle() == null || node.getTitle().isBlank()
                    ? MarkdownRenderer.CALLOUTS.getOrDefault(kind, "Note") : Typography.curl(node.getTitle().toString());
            html.attr("class", "callout callout-" + kind).attr("role", "note").withAttr().tag("div").line();
            html.attr("class", "callout-title").withAttr().tag("p").text(title).closeTag("p").line();
            context.renderChildren(node);
            html.closeTag("div").line();
            if (facilitator) {
                html.raw("<!--hearth:fac-end:0-->").line();
            }
        }
    }

    /** Prefixes heading ids with the document id. */
    private static final class HeadingIds implements AttributeProvider {
        @Override
        public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
            if (node instanceof Heading && attributes.contains("id")) {
                String docId = DOC_ID.get(node.getDocument());
                String id = attributes.getValue("id");
                // flexmark asks more than once per heading; prefix only once.
                if (!id.startsWith(docId + "--")) {
                    attributes.replaceValue("id", MarkdownRenderer.anchor(docId, id));
                }
            }
        }
    }
}
