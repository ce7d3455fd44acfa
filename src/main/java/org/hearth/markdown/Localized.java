package org.hearth.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hearth.i18n.Catalogue;
import org.hearth.i18n.QuoteMarks;
import org.hearth.model.Block;

/**
 * Rendered documents in their book's language: the default titles of untitled callouts and a
 * tracker's default columns from the catalogue, and the language's quotation marks, nested ones
 * included, in body text.
 * Markdown renders once for every language; this step is what differs between editions.
 */
public final class Localized {

    /** The columns a tracker gets when its block names none (BlockSchemas). */
    static final List<String> DEFAULT_COLUMNS = List.of("Start", "Week 4", "Week 8");

    private Localized() {
    }

    /** {@code docs} as the edition in {@code messages}' language shows them; English comes back with its own marks. */
    public static List<RenderedDocument> documents(List<RenderedDocument> docs, Catalogue messages) {
        QuoteMarks quotes = QuoteMarks.of(messages);
        List<RenderedDocument> out = new ArrayList<>(docs.size());
        for (RenderedDocument doc : docs) {
            List<Block> blocks = new ArrayList<>(doc.blocks().size());
            for (Block b : doc.blocks()) {
                blocks.add(block(b, messages, quotes));
            }
            out.add(new RenderedDocument(doc.source(), blocks, doc.media(), doc.anchors(), doc.fragmentLinks()));
        }
        return out;
    }

    private static Block block(Block b, Catalogue messages, QuoteMarks quotes) {
        if (b instanceof Block.Html h) {
            String html = h.html();
            for (Map.Entry<String, String> c : MarkdownRenderer.CALLOUTS.entrySet()) {
                String english = "<p class=\"callout-title\">" + c.getValue() + "</p>";
                if (html.contains(english)) {
                    html = html.replace(english, "<p class=\"callout-title\">" + escape(messages.t("callout." + c.getKey())) + "</p>");
                }
            }
            // Each quotation gets its depth's marks (QuoteMarks leaves a lone single mark alone: it is
            // as often an apostrophe as a quote).
            html = quotes.apply(html, 0);
            return html.equals(h.html()) ? h : new Block.Html(html);
        }
        if (b instanceof Block.Tracker t && t.columns().equals(DEFAULT_COLUMNS)) {
            List<String> columns = List.of(messages.t("tracker.colStart"), messages.t("tracker.colWeek4"), messages.t("tracker.colWeek8"));
            return new Block.Tracker(t.id(), t.label(), t.scale(), columns, t.rows(), t.low(), t.high());
        }
        return b;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
