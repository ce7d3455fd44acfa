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

    /** The kind of read-only, ordered view this record keeps its library in. */
    private static final Class<?> LIBRARY_VIEW = java.util.Collections.unmodifiableSequencedMap(new java.util.LinkedHashMap<>()).getClass();

    public Content {
        documents = List.copyOf(documents);
        // A library that is already such a view is kept as it is (the loader makes one and hands
        // it on, and later stages compare it by identity: copying 40,000 prompts at every stage
        // of every rebuild was a tenth of serve's rebuild); anything else is copied.
        if (prompts.getClass() != LIBRARY_VIEW) {
            prompts = java.util.Collections.unmodifiableSequencedMap(new java.util.LinkedHashMap<>(prompts));
        }
        resources = List.copyOf(resources);
        media = Map.copyOf(media);
    }
}
