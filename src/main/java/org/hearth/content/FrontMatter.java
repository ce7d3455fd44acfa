package org.hearth.content;

import java.util.List;
import org.hearth.diag.Position;
import org.hearth.model.Intensity;
import org.hearth.model.Ref;

/**
 * The YAML header of a page or exercise.
 *
 * @param id unique id, also the page's file name on the site
 * @param title title
 * @param summary one sentence that stands alone on an index
 * @param part id of the part it belongs to
 * @param partPosition where {@code part} is written, for reporting an unknown part
 * @param order position inside the part
 * @param tags theme tags (exercises)
 * @param duration how long it takes, free text (exercises)
 * @param intensity how demanding it is (exercises; null for pages)
 * @param prompts prompts it offers, in order (exercises)
 */
public record FrontMatter(String id, String title, String summary, String part, Position partPosition, int order,
        List<String> tags, String duration, Intensity intensity, List<Ref> prompts) {

    public FrontMatter {
        tags = List.copyOf(tags);
        prompts = List.copyOf(prompts);
    }
}
