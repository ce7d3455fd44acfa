package org.hearth.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.diag.Suggest;
import org.hearth.model.Block;
import org.hearth.model.Scale;
import org.hearth.source.SourceText;
import org.hearth.source.YamlReader;

/**
 * The schemas of the blocks authors write as fenced code ({@code write}, {@code tracker},
 * {@code resources}) and the rules for callouts: reads each into a {@link Block}, with positioned
 * errors for unknown keys and misplaced blocks.
 */
final class BlockSchemas {

    private static final Set<String> BLOCK_NAMES = Set.of("write", "tracker", "resources");

    private final YamlReader yaml;

    BlockSchemas(YamlReader yaml) {
        this.yaml = yaml;
    }

    /**
     * Turns {@code write}, {@code tracker} and {@code resources} blocks into blocks, leaving the
     * index of each in {@code special} as its code block's info for {@link Flexmark} to mark, and
     * checks callouts.
     */
    void collect(Document ast, SourceDocument doc, List<Block> special, Diagnostics d) {
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
                if (!MarkdownRenderer.CALLOUTS.containsKey(kind)) {
                    d.error(pos(doc, node), "unknown callout '" + adm.getInfo() + "'",
                            Suggest.hint(kind, MarkdownRenderer.CALLOUTS.keySet(),
                                    "use one of: " + String.join(", ", new java.util.TreeSet<>(MarkdownRenderer.CALLOUTS.keySet()))));
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
            return (Block) new Block.Tracker(id, label, scale, columns.isEmpty() ? Localized.DEFAULT_COLUMNS : columns, rows,
                    low, high);
        }).orElse(new Block.Tracker(id, "", new Scale(1, 5), List.of(), List.of(), "", ""));
    }

    private static Position pos(SourceDocument doc, Node node) {
        return doc.body().atOffset(node.getStartOffset());
    }
}
