package org.hearth.markdown;

import java.util.List;
import org.hearth.content.SourceDocument;
import org.hearth.model.Block;

/**
 * A page or exercise with its body rendered.
 *
 * @param source the document as loaded
 * @param blocks its body, in order
 * @param media content media files the body uses, by path inside the content folder
 * @param anchors ids of the headings in the body, which links may point at
 * @param fragmentLinks links in the body to an anchor, checked once every document is rendered
 */
public record RenderedDocument(SourceDocument source, List<Block> blocks, List<String> media, List<String> anchors,
        List<FragmentLink> fragmentLinks) {

    public RenderedDocument {
        blocks = List.copyOf(blocks);
        media = List.copyOf(media);
        anchors = List.copyOf(anchors);
        fragmentLinks = List.copyOf(fragmentLinks);
    }

    /** A body without anchors or links to anchors (for tests and generated pages). */
    public RenderedDocument(SourceDocument source, List<Block> blocks, List<String> media) {
        this(source, blocks, media, List.of(), List.of());
    }

    /**
     * A link to an anchor in a document.
     *
     * @param documentId the document linked to
     * @param anchor the anchor's full id ({@code doc--heading})
     * @param written the link as written, for the message
     * @param position where the link is
     */
    public record FragmentLink(String documentId, String anchor, String written, org.hearth.diag.Position position) {
    }
}
