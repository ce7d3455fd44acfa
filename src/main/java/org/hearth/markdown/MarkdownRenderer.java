package org.hearth.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
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
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Html5Entities;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.config.SourceText;
import org.hearth.config.Typography;
import org.hearth.config.YamlReader;
import org.hearth.config.YamlValue;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.diag.Suggest;
import org.hearth.model.Scale;

/**
 * Stage 3, render Markdown: turns each body into {@link Block}s with one flexmark parser and one
 * renderer, configured once. Raw HTML is escaped; every link and image is checked and rewritten to
 * a site path by {@link LinkPolicy}.
 */
public final class MarkdownRenderer {

    /** Callout kinds authors may use with {@code !!! kind "Title"}. */
    public static final Map<String, String> CALLOUTS = Map.of(
            "note", "Note", "tip", "A small tip", "care", "Go gently", "example", "An example",
            "facilitator", "For facilitators");

    private static final Set<String> BLOCK_NAMES = Set.of("write", "tracker", "resources");
    private static final Pattern MARKER = Pattern.compile("<!--hearth:(block|fac-start|fac-end):(\\d+)-->\\n?");
    private static final Pattern HEADING_ID = Pattern.compile("<h[1-6][^>]*\\sid=\"([^\"]+)\"");
    private static final Pattern ENTITY = Pattern.compile("&([a-zA-Z][a-zA-Z0-9]*);");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final DataKey<String> DOC_ID = new DataKey<>("HEARTH_DOC_ID", "");

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final YamlReader yaml;
    private final NestingLimit nesting = new NestingLimit();

    public MarkdownRenderer(YamlReader yaml) {
        this.yaml = yaml;
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AdmonitionExtension.create(),
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
        Document ast = parser.parse(body.text());
        ast.set(DOC_ID, doc.id());
        Set<String> usedMedia = new LinkedHashSet<>();
        List<RenderedDocument.FragmentLink> fragments = new ArrayList<>();
        // Links and images are checked and rewritten by LinkPolicy as they are rendered.
        ast.set(LinkPolicy.SCOPE, new LinkPolicy.Scope(doc, documentsByPath, media, usedMedia, fragments, d));
        List<Block> special = new ArrayList<>();
        collectSpecial(ast, doc, special, d);
        String html = xmlSafeCharacters(xmlSafeEntities(renderer.render(ast)));
        List<String> anchors = new ArrayList<>();
        Matcher ids = HEADING_ID.matcher(html);
        while (ids.find()) {
            anchors.add(ids.group(1));
        }
        return new RenderedDocument(doc, split(html, special), List.copyOf(usedMedia), anchors, fragments);
    }

    /** Heading anchors are prefixed with the document id so they stay unique in the one-file PDF. */
    static String anchor(String docId, String fragment) {
        return docId + "--" + fragment;
    }

    /**
     * Resolves {@code link} (already %-decoded, see {@link LinkPolicy}) against the folder of
     * {@code from}; null if it leaves the content folder.
     */
    static String resolve(String from, String link) {
        List<String> parts = new ArrayList<>();
        int slash = from.lastIndexOf('/');
        if (slash >= 0 && !link.startsWith("/")) {
            parts.addAll(List.of(from.substring(0, slash).split("/")));
        }
        for (String seg : link.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    /** Turns {@code write}, {@code tracker} and {@code resources} blocks and facilitator callouts into blocks. */
    private void collectSpecial(Document ast, SourceDocument doc, List<Block> special, Diagnostics d) {
        int spaces = 0;
        int trackers = 0;
        for (Node node : ast.getDescendants()) {
            if (node instanceof FencedCodeBlock code) {
                String info = code.getInfo().toString().trim();
                if (!BLOCK_NAMES.contains(info)) {
                    continue;
                }
                if (node.getParent() != ast) {
                    d.error(pos(doc, node), "a '" + info + "' block must not be nested inside a list, quote or callout",
                            "move it to the top level of the page");
                    continue;
                }
                Position at = pos(doc, node);
                SourceText blockText = new SourceText(doc.body().path(), doc.body().display(),
                        code.getContentChars().toString(), at.line() + 1);
                Block block = switch (info) {
                    case "write" -> space(blockText, doc.id() + "-space-" + (++spaces), d);
                    case "tracker" -> tracker(blockText, doc.id() + "-tracker-" + (++trackers), d);
                    default -> new Block.Resources();
                };
                code.setInfo(BasedSequence.of("hearth:" + special.size()));
                special.add(block);
            } else if (node instanceof AdmonitionBlock adm) {
                String kind = adm.getInfo().toString().trim().toLowerCase(Locale.ROOT);
                if (!CALLOUTS.containsKey(kind)) {
                    d.error(pos(doc, node), "unknown callout '" + adm.getInfo() + "'",
                            Suggest.hint(kind, CALLOUTS.keySet(), "use one of: " + String.join(", ", new java.util.TreeSet<>(CALLOUTS.keySet()))));
                } else if (kind.equals("facilitator") && node.getParent() != ast) {
                    d.error(pos(doc, node), "a facilitator note must be at the top level of the page",
                            "move the '!!! facilitator' block out of the list, quote or callout");
                }
            }
        }
    }

    private Block space(SourceText text, String id, Diagnostics d) {
        if (text.text().isBlank()) {
            return new Block.Space(id, "", 6, false);
        }
        return yaml.read(text, d).flatMap(v -> v.fields("a write block")).map(f -> {
            String label = f.text("label").orElse("");
            Integer lines = f.map("lines", v -> v.integer("'lines'")).orElse(null);
            Integer box = f.map("box", v -> v.integer("'box'")).orElse(null);
            f.finish(List.of("label", "lines", "box"));
            if (lines != null && box != null) {
                f.error("a write block takes either 'lines' or 'box', not both", "keep one of them");
            }
            int height = box != null ? box : lines != null ? lines : 6;
            if (height < 1 || height > 60) {
                f.error("writing space must be 1 to 60 lines tall", "for example 'lines: 6'");
            }
            return (Block) new Block.Space(id, label, height, box != null);
        }).orElse(new Block.Space(id, "", 6, false));
    }

    private Block tracker(SourceText text, String id, Diagnostics d) {
        return yaml.read(text, d).flatMap(v -> v.fields("a tracker block")).map(f -> {
            String label = f.text("label").orElse("");
            Scale scale = f.get("scale").flatMap(v -> v.string("'scale'").flatMap(s -> {
                var parsed = Scale.parse(s);
                if (parsed.isEmpty()) {
                    v.error("unknown scale '" + s + "'", "use 1-5, 1-10 or 0-10");
                }
                return parsed;
            })).orElse(new Scale(1, 5));
            List<String> columns = f.textList("columns");
            List<String> rows = f.require("rows", "[I can name what I feel.]").map(v -> v.textList("'rows'")).orElse(List.of());
            // Empty ends are filled by the theme in the book's language (tracker.low, tracker.high).
            String low = f.text("low").orElse("");
            String high = f.text("high").orElse("");
            f.finish(List.of("label", "scale", "columns", "rows", "low", "high"));
            return (Block) new Block.Tracker(id, label, scale, columns.isEmpty() ? List.of("Start", "Week 4", "Week 8") : columns, rows,
                    low, high);
        }).orElse(new Block.Tracker(id, "", new Scale(1, 5), List.of(), List.of(), "", ""));
    }

    /** Splits the rendered HTML at the markers left for special blocks. */
    private static List<Block> split(String html, List<Block> special) {
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

    /**
     * Replaces named HTML entities (which CommonMark passes through, and the typographic extension
     * emits) by their characters, keeping only the five XML knows, so the HTML is also valid XHTML.
     */
    static String xmlSafeEntities(String html) {
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
    static String xmlSafeCharacters(String html) {
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

    private static Position pos(SourceDocument doc, Node node) {
        return doc.body().atOffset(node.getStartOffset());
    }

    /** Renders callouts and leaves markers where special blocks go. */
    private static final class HearthNodes implements NodeRenderer {

        HearthNodes(DataHolder options) {
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(FencedCodeBlock.class, this::code),
                    new NodeRenderingHandler<>(AdmonitionBlock.class, this::callout));
        }

        private void code(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
            String info = node.getInfo().toString();
            if (info.startsWith("hearth:")) {
                html.line().raw("<!--hearth:block:" + info.substring(7) + "-->").line();
            } else {
                context.delegateRender();
            }
        }

        private void callout(AdmonitionBlock node, NodeRendererContext context, HtmlWriter html) {
            String kind = node.getInfo().toString().trim().toLowerCase(Locale.ROOT);
            boolean facilitator = kind.equals("facilitator") && node.getParent() instanceof Document;
            if (facilitator) {
                html.line().raw("<!--hearth:fac-start:0-->").line();
            }
            String title = node.getTitle() == null || node.getTitle().isBlank()
                    ? CALLOUTS.getOrDefault(kind, "Note") : Typography.curl(node.getTitle().toString());
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
                    attributes.replaceValue("id", anchor(docId, id));
                }
            }
        }
    }

}
