package org.hearth.content;

import java.util.List;
import java.util.Map;
import org.hearth.model.Prompt;
import org.hearth.model.Resource;

/**
 * Everything loaded from the content folder, before Markdown is rendered.
 *
 * @param documents pages and exercises, in file order
 * @param prompts the prompt library by id, in file order
 * @param resources support resources
 * @param media other files (images) by path inside the content folder
 */
public record Content(List<SourceDocument> documents, Map<String, Prompt> prompts, List<Resource> resources,
        Map<String, byte[]> media) {

    public Content {
        documents = List.copyOf(documents);
        prompts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(prompts));
        resources = List.copyOf(resources);
        media = Map.copyOf(media);
    }
}
