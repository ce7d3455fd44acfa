package org.hearth.markdown;

import java.util.List;
import org.hearth.content.SourceDocument;

/**
 * A page or exercise with its body rendered.
 *
 * @param source the document as loaded
 * @param blocks its body, in order
 * @param media content media files the body uses, by path inside the content folder
 */
public record RenderedDocument(SourceDocument source, List<Block> blocks, List<String> media) {

    public RenderedDocument {
        blocks = List.copyOf(blocks);
        media = List.copyOf(media);
    }
}
