package org.hearth.config;

import java.util.List;
import org.hearth.model.Ref;

/**
 * Which prompts a copy of the workbook contains. Kept as its own record so richer selection
 * (tags, kinds, limits) can be added without touching the rest of the config.
 *
 * @param prompts prompt ids chosen, in the order written
 */
public record Selection(List<Ref> prompts) {

    public Selection {
        prompts = List.copyOf(prompts);
    }
}
