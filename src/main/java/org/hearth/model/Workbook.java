package org.hearth.model;

import java.util.List;
import java.util.Map;

/**
 * The whole workbook after prompts are chosen: the one view model both the site and the PDF
 * templates render.
 *
 * @param book facts about the book
 * @param sections parts with their entries, in book order
 * @param morePrompts chosen prompts that no exercise offers, shown in a "More prompts" section
 * @param plan the days of a daily plan, or empty
 * @param resources support resources
 * @param media content media the entries use, by path inside the content folder, in path order
 */
public record Workbook(Book book, List<Section> sections, List<PlacedPrompt> morePrompts, List<PlanDay> plan,
        List<Resource> resources, Map<String, byte[]> media) {

    /** The answer id of the Notes space print may add under the "More prompts" section (see {@link Entry#notesId()}). */
    public static final String MORE_PROMPTS_NOTES = "more-prompts-notes";

    public Workbook {
        sections = List.copyOf(sections);
        morePrompts = List.copyOf(morePrompts);
        plan = List.copyOf(plan);
        resources = List.copyOf(resources);
        // Path order, never a hash map's: the PDF hashes and embeds media in this order, and a
        // hash map's order changes from one JVM run to the next (reproducible builds).
        media = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(media));
    }

    /** {@link #MORE_PROMPTS_NOTES}, for templates. */
    public String morePromptsNotesId() {
        return MORE_PROMPTS_NOTES;
    }

    /** A copy with other facts about the book (for example another paper size). */
    public Workbook withBook(Book other) {
        return new Workbook(other, sections, morePrompts, plan, resources, media);
    }

    /** All entries in book order. */
    public List<Entry> entries() {
        return sections.stream().flatMap(s -> s.entries().stream()).toList();
    }

    /** Every placed prompt, in book order. */
    public List<PlacedPrompt> allPrompts() {
        List<PlacedPrompt> all = new java.util.ArrayList<>();
        entries().forEach(e -> all.addAll(e.prompts()));
        all.addAll(morePrompts);
        return all;
    }
}
