package org.hearth.render.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The 404 page's one inline script, for a site built without {@code base_url}. A host serves that
 * page for a missing address at any depth, where no relative link or script address works, so the
 * script itself finds the workbook's folder (the nearest folder up whose index.html is this
 * workbook's) and points the page's links and style sheet there. A candidate with an empty
 * segment is skipped: for an address like {@code //evil.example/x} it would be a protocol-relative
 * address of another host, never one of this site's folders. The CSP allows it by its hash.
 */
public final class NotFoundScript {

    /** The script's text, exactly as the 404 page carries it (its hash is over these characters). */
    public static final String SOURCE = "(function () {"
            + "var b = document.body, id = b.getAttribute('data-workbook-id'), p = location.pathname.split('/'), tries = [];"
            + "if (!/^https?:$/.test(location.protocol) || !window.fetch) { return; }"
            + "for (var n = p.length - 1; n >= 1 && tries.length < 12; n--) {"
            + " var c = p.slice(0, n).join('/') + '/'; if (c.indexOf('//') < 0) { tries.push(c); } }"
            + "function found(root) {"
            + "Array.prototype.forEach.call(document.querySelectorAll('[data-root-href]'), function (a) {"
            + " a.href = root + a.getAttribute('data-root-href'); a.hidden = false; });"
            + "Array.prototype.forEach.call(document.querySelectorAll('[data-root-only]'), function (e) { e.hidden = false; });"
            + "Array.prototype.forEach.call(document.querySelectorAll('[data-home-note]'), function (e) { e.hidden = true; });"
            + "var m = document.createElement('meta'); m.name = 'color-scheme'; m.content = 'light dark'; document.head.appendChild(m);"
            + "var l = document.createElement('link'); l.rel = 'stylesheet'; l.href = root + b.getAttribute('data-css');"
            + " document.head.appendChild(l); }"
            + "function next(i) {"
            + "if (i >= tries.length) { return; }"
            + "fetch(tries[i] + 'index.html', {credentials: 'same-origin'})"
            + ".then(function (r) { return r.ok ? r.text() : ''; })"
            + ".then(function (html) { if (html.indexOf('data-workbook-id=\"' + id + '\"') >= 0) { found(tries[i]); } else { next(i + 1); } },"
            + " function () { next(i + 1); }); }"
            + "next(0);"
            + "})();";

    /** The CSP source that allows exactly this script: {@code 'sha256-…'}. */
    public static final String HASH_SOURCE = "'sha256-" + sha256(SOURCE) + "'";

    private NotFoundScript() {
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
