package org.hearth.content;


import org.hearth.source.SourceText;

/**
 * A page or exercise as read from disk: its front matter and its Markdown body.
 *
 * @param kind page or exercise
 * @param meta the parsed front matter
 * @param body the Markdown after the front matter, positioned at its real line in the file
 * @param relativePath path inside the content folder, with '/' separators (e.g. {@code pages/safety.md})
 */
public record SourceDocument(DocumentKind kind, FrontMatter meta, SourceText body, String relativePath) {

    public String id() {
        return meta.id();
    }
}
