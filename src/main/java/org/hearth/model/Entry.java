package org.hearth.model;

import java.util.List;

/**
 * A page or exercise in book order, ready for templates.
 *
 * @param id unique id; the site page is {@code id.html} and the PDF anchor is {@code #id}
 * @param kind "page" or "exercise"
 * @param title title
 * @param summary one-sentence summary
 * @param partId id of its part
 * @param partTitle title of its part
 * @param tags theme tags
 * @param duration how long it takes, or empty
 * @param intensity gentle, moderate or deep; empty for pages
 * @param blocks the rendered body
 * @param prompts the chosen prompts it shows, in order
 * @param media content media files its body uses
 * @param prev the entry before it, or null
 * @param next the entry after it, or null
 * @param sourceFile the file it came from, as shown in messages
 */
public record Entry(String id, String kind, String title, String summary, String partId, String partTitle,
        List<String> tags, String duration, String intensity, List<Block> blocks, List<PlacedPrompt> prompts,
        List<String> media, NavLink prev, NavLink next, String sourceFile) {

    public Entry {
        tags = List.copyOf(tags);
        blocks = List.copyOf(blocks);
        prompts = List.copyOf(prompts);
        media = List.copyOf(media);
    }

    public boolean exercise() {
        return kind.equals("exercise");
    }

    /**
     * The answer id of the date the reader writes on the entry's "Date:" line (print, fillable) or in
     * its Date field (site), kept as the text written.
     */
    public String dateId() {
        return id + "-date";
    }

    /**
     * The answer id of the reader's notes on this entry: the ruled Notes space print adds where an
     * entry's last page has room (its rules are {@code <notesId>-1}, {@code -2} …) and the site's Notes field.
     */
    public String notesId() {
        return id + "-notes";
    }

    /** A copy with navigation links set. */
    public Entry withNav(NavLink prev, NavLink next) {
        return copy(blocks, prev, next);
    }

    /** A copy with another body (the site's outline keeps entries without theirs). */
    public Entry withBlocks(List<Block> blocks) {
        return copy(blocks, prev, next);
    }

    /** The one place a copy names every component: a new component is added here and nowhere else. */
    private Entry copy(List<Block> blocks, NavLink prev, NavLink next) {
        return new Entry(id, kind, title, summary, partId, partTitle, tags, duration, intensity, blocks, prompts, media,
                prev, next, sourceFile);
    }
}
