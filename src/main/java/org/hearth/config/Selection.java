package org.hearth.config;

import java.util.List;
import org.hearth.diag.Position;
import org.hearth.model.Intensity;
import org.hearth.model.Prompt;
import org.hearth.model.PromptKind;
import org.hearth.model.Ref;

/**
 * Which prompts a copy of the workbook contains, as {@code selection:} in workbook.yml says.
 *
 * @param prompts prompt ids chosen by name, in the order written ({@code prompts:})
 * @param include prompts chosen by id, tag, kind or intensity ({@code include:})
 * @param exclude prompts left out by id or tag ({@code exclude:}), applied last
 * @param limitPerExercise at most this many prompts per exercise, or 0 for no limit
 * @param order {@link Order#AUTHOR} keeps each exercise's own order; {@link Order#GIVEN} puts
 *     prompts chosen by name first, in the order written
 * @param custom prompts the user wrote, each placed in an exercise or in "My prompts"
 * @param position where {@code selection:} is, or null when workbook.yml has none
 */
public record Selection(List<Ref> prompts, Filter include, Filter exclude, int limitPerExercise, Order order,
        List<Custom> custom, Position position) {

    public Selection {
        prompts = List.copyOf(prompts);
        custom = List.copyOf(custom);
    }

    /** No selection in workbook.yml: every prompt the exercises offer, in the author's order. */
    public static Selection everything() {
        return new Selection(List.of(), Filter.NONE, Filter.NONE, 0, Order.AUTHOR, List.of(), null);
    }

    /** True when workbook.yml has no selection at all. */
    public boolean isEverything() {
        return position == null;
    }

    /** How prompts are ordered inside an exercise. */
    public enum Order {
        AUTHOR, GIVEN
    }

    /**
     * A set of conditions on prompts; an empty list means "any".
     *
     * @param ids prompt ids
     * @param tags theme tags (any of them)
     * @param kinds prompt kinds (any of them)
     * @param intensities intensities (any of them)
     */
    public record Filter(List<Ref> ids, List<Ref> tags, List<PromptKind> kinds, List<Intensity> intensities) {

        /** A filter that matches nothing by itself. */
        public static final Filter NONE = new Filter(List.of(), List.of(), List.of(), List.of());

        public Filter {
            ids = List.copyOf(ids);
            tags = List.copyOf(tags);
            kinds = List.copyOf(kinds);
            intensities = List.copyOf(intensities);
        }

        /** True when the filter has a tag, kind or intensity condition. */
        public boolean hasConditions() {
            return !tags.isEmpty() || !kinds.isEmpty() || !intensities.isEmpty();
        }

        /** Whether {@code p} meets every condition given (ids are not conditions: they always select). */
        public boolean matches(Prompt p) {
            return hasConditions()
                    && (tags.isEmpty() || tags.stream().anyMatch(t -> p.tags().contains(t.id())))
                    && (kinds.isEmpty() || kinds.contains(p.kind()))
                    && (intensities.isEmpty() || intensities.contains(p.intensity()));
        }
    }

    /**
     * A prompt written in workbook.yml by the user.
     *
     * @param prompt the prompt
     * @param exercise the exercise it goes in, or null for the "My prompts" section
     */
    public record Custom(Prompt prompt, Ref exercise) {
    }
}
