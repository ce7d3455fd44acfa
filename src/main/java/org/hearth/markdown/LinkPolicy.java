package org.hearth.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.LinkStatus;
import com.vladsch.flexmark.html.renderer.LinkType;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.NullableDataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.diag.Suggest;

/**
 * The one policy for every link and image target, applied where flexmark renders them (inline,
 * by reference and autolinks alike), so nothing reaches the HTML unchecked. flexmark hands over the
 * target already unescaped once (entities, backslashes); this class never unescapes again. It then
 * decodes {@code %XX} strictly, allow-lists the scheme of the decoded form, refuses remote images
 * and rewrites content paths to site paths.
 */
final class LinkPolicy implements LinkResolver {

    /** What the policy needs about the document being rendered; set on the AST before rendering. */
    static final NullableDataKey<Scope> SCOPE = new NullableDataKey<>("HEARTH_LINK_SCOPE");

    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.\\-]*):");
    // Browsers drop these anywhere in an address, so "java\tscript:" is "javascript:" to them.
    private static final Pattern IGNORED_BY_BROWSERS = Pattern.compile("[\\x00-\\x20\\x7f]");
    private static final String NOWHERE = "#";

    private final PercentDecoder percent = new PercentDecoder();

    /**
     * The document being rendered and what its links may point to.
     *
     * @param doc the document
     * @param docs ids of all documents, by path inside the content folder
     * @param media media files in the content folder
     * @param usedMedia receives each media file the document uses
     * @param fragments receives each link to a heading, checked once all documents are rendered
     * @param d receives every problem
     */
    record Scope(SourceDocument doc, Map<String, String> docs, Set<String> media, Set<String> usedMedia,
            List<RenderedDocument.FragmentLink> fragments, Diagnostics d) {
    }

    /** Makes the policy for each render. */
    static final class Factory extends IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return new LinkPolicy();
        }
    }

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        Scope scope = SCOPE.get(node.getDocument());
        if (scope == null || node instanceof MailLink) {
            return link; // an e-mail address: flexmark adds "mailto:" itself
        }
        if (link.getLinkType() != LinkType.LINK && link.getLinkType() != LinkType.IMAGE) {
            return link; // an undefined reference: flexmark shows it as text
        }
        boolean image = link.getLinkType() == LinkType.IMAGE;
        String target = target(link.getUrl(), image, node, scope);
        // flexmark writes attributes keeping any entity it finds; the target is already unescaped,
        // so its '&' must stay a character and not start a second round of decoding in the browser.
        return link.withStatus(LinkStatus.VALID).withUrl(target.replace("&", "&amp;"));
    }

    private String target(String url, boolean image, Node node, Scope s) {
        Position at = pos(s.doc(), node);
        String path = url;
        String fragment = "";
        int hash = url.indexOf('#');
        if (hash >= 0) {
            fragment = url.substring(hash + 1);
            path = url.substring(0, hash);
        }
        String decoded;
        switch (percent.decode(path)) {
            case PercentDecoder.Bad bad -> {
                s.d().error(escapeAt(s.doc(), node, url, bad.index(), at), bad.message(),
                        "write '%' as '%25'; other escapes are '%' and two hex digits of UTF-8, such as '%20' for a space");
                return NOWHERE;
            }
            case PercentDecoder.Decoded ok -> decoded = ok.text();
        }
        String writtenScheme = scheme(url);
        String decodedScheme = scheme(decoded);
        if (decodedScheme != null && !SAFE_SCHEMES.contains(decodedScheme)) {
            s.d().error(at, "link scheme '" + decodedScheme + ":' is not allowed",
                    "links may use http, https or mailto, or point to a file in content/");
            return NOWHERE;
        }
        if (decodedScheme != null && writtenScheme == null) {
            s.d().error(at, "the address '" + url + "' hides its scheme behind %-escapes", "write the address plainly, such as https://…");
            return NOWHERE;
        }
        if (writtenScheme != null) {
            if (image) {
                s.d().error(at, "image from another site: " + url,
                        "copy the image into content/ and link it by relative path; Hearth never loads anything from the network");
                return NOWHERE;
            }
            return url;
        }
        if (node instanceof AutoLink) {
            s.d().error(at, "link to '" + url + "' is not allowed", "links may use http, https or mailto");
            return NOWHERE;
        }
        if (IGNORED_BY_BROWSERS.matcher(decoded).replaceAll("").replace('\\', '/').startsWith("//")) {
            s.d().error(at, "protocol-relative link '" + url + "' is not allowed", "write the full https:// address");
            return NOWHERE;
        }
        String docId = s.doc().id();
        if (decoded.isEmpty()) {
            if (fragment.isEmpty()) {
                return NOWHERE;
            }
            s.fragments().add(new RenderedDocument.FragmentLink(docId, MarkdownRenderer.anchor(docId, fragment), url, at));
            return "#" + MarkdownRenderer.anchor(docId, fragment);
        }
        String resolved = resolve(s.doc().relativePath(), decoded);
        if (resolved == null) {
            s.d().error(at, "link '" + url + "' points outside the content folder", "link only to files inside content/");
            return NOWHERE;
        }
        if (image) {
            if (!s.media().contains(resolved)) {
                s.d().error(at, "image not found: " + resolved, Suggest.hint(resolved, s.media(), "put the image under content/ and check the path"));
                return NOWHERE;
            }
            s.usedMedia().add(resolved);
            return "media/" + resolved;
        }
        String id = s.docs().get(resolved);
        if (id != null) {
            if (!fragment.isEmpty()) {
                s.fragments().add(new RenderedDocument.FragmentLink(id, MarkdownRenderer.anchor(id, fragment), url, at));
            }
            return id + ".html" + (fragment.isEmpty() ? "" : "#" + MarkdownRenderer.anchor(id, fragment));
        }
        if (s.media().contains(resolved)) {
            if (resolved.toLowerCase(Locale.ROOT).endsWith(".svg")) {
                // Opened on its own an SVG is a document in the site's origin, where the answers live.
                s.d().error(at, "a link to an SVG image opens it on its own, outside any page: " + resolved,
                        "show it as an image instead: ![description](" + decoded + ")");
                return NOWHERE;
            }
            s.usedMedia().add(resolved);
            return "media/" + resolved;
        }
        s.d().error(at, "link target not found: " + resolved,
                Suggest.hint(resolved, s.docs().keySet(), "link to another page as ../pages/NAME.md or ../exercises/NAME.md"));
        return NOWHERE;
    }

    /** The lower-case scheme of {@code url} as a browser would read it, or null when it has none. */
    private static String scheme(String url) {
        Matcher m = SCHEME.matcher(IGNORED_BY_BROWSERS.matcher(url).replaceAll(""));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /**
     * Where a bad escape is in the file: exact when the target is written in the file as flexmark
     * handed it over (no entities or backslashes before it), otherwise the link itself.
     */
    private static Position escapeAt(SourceDocument doc, Node node, String url, int index, Position fallback) {
        BasedSequence written = switch (node) {
            case Link l -> l.getUrl();
            case Image i -> i.getUrl();
            case AutoLink a -> a.getText();
            case LinkRef r -> reference(r.getReferenceNode(r.getDocument()));
            case ImageRef r -> reference(r.getReferenceNode(r.getDocument()));
            default -> BasedSequence.NULL;
        };
        if (written.isNotNull() && written.toString().equals(url)) {
            return doc.body().atOffset(written.getStartOffset() + index);
        }
        return fallback;
    }

    private static BasedSequence reference(Reference ref) {
        return ref == null ? BasedSequence.NULL : ref.getUrl();
    }

    private static Position pos(SourceDocument doc, Node node) {
        return doc.body().atOffset(node.getStartOffset());
    }

    /**
     * Resolves {@code link} (already %-decoded, see {@link LinkPolicy}) against the folder of
     * {@code from}; null if it leaves the content folder.
     */
    static String resolve(String from, String link) {
        List<String> parts = new ArrayList<>();
        int slash = from.lastIndexOf('/');
        if (slash >= 0 && !link.startsWith("/")) {
            parts.addAll(List.of(from.substring(0, slash).split("/")));
        }
        for (String seg : link.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }
}
