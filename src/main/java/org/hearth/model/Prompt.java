package org.hearth.model;

import java.util.List;
import org.hearth.diag.Position;

/**
 * One journaling prompt from the library.
 *
 * @param id stable id, unique in the library
 * @param text the question or statement shown to the reader
 * @param kind the answer's shape
 * @param tags theme tags
 * @param intensity how demanding it is
 * @param space answer space in lines (0 for none)
 * @param starter a letter's printed opening line, or empty
 * @param items a checklist's items, or empty
 * @param scale a rating's scale, or null for other kinds
 * @param low label of a rating's low end, or empty
 * @param high label of a rating's high end, or empty
 * @param holdBackEarly the author advises leaving it out early on (a first selection, early in therapy)
 * @param other a checklist that invites the reader's own item ({@code other: true}): print gives it an
 *     "Other:" line, the site an Other field, both answered under {@link PlacedPrompt#otherId()}
 * @param position where the prompt is defined
 */
public record Prompt(String id, String text, PromptKind kind, List<String> tags, Intensity intensity,
        int space, String starter, List<String> items, Scale scale, String low, String high,
        boolean holdBackEarly, boolean other, Position position) {

    public Prompt {
        tags = List.copyOf(tags);
        items = List.copyOf(items);
    }

    /** A prompt without an Other line. */
    public Prompt(String id, String text, PromptKind kind, List<String> tags, Intensity intensity,
            int space, String starter, List<String> items, Scale scale, String low, String high,
            boolean holdBackEarly, Position position) {
        this(id, text, kind, tags, intensity, space, starter, items, scale, low, high, holdBackEarly, false, position);
    }
}
