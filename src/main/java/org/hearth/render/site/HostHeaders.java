package org.hearth.render.site;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;

/**
 * The header files static hosts read, made from {@link SitePolicy} with every build:
 * {@code _headers} (Netlify, Cloudflare Pages) and {@code .htaccess} (Apache). Both give every
 * response the pages' policy plus what only headers can do, and say how long each file may be cached.
 */
final class HostHeaders {

    private HostHeaders() {
    }

    /** The path part of {@code baseUrl} ({@code /workbook/} for {@code https://example.org/workbook/}), or {@code /}. */
    static String basePath(String baseUrl) {
        String path = baseUrl.isEmpty() ? "/" : URI.create(baseUrl).getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    /**
     * {@code _headers}. Both hosts give a request the headers of every rule that matches it and
     * join repeated names with commas, so each file must match exactly one Cache-Control rule:
     * assets by their folder, pages by their extension, any other file by its own path.
     *
     * @param files every path of the site, relative to its root
     */
    static String headersFile(String basePath, List<String> files) {
        StringBuilder out = new StringBuilder()
                .append("# Written by Hearth with every build: HTTP headers for Netlify and Cloudflare Pages.\n")
                .append("# Other hosts: .htaccess (Apache) or the nginx example in Hearth's README. Check with: curl -I <address>\n")
                .append("\n# Every file: the pages' Content-Security-Policy, plus frame-ancestors, which only a header can set.\n")
                .append(basePath).append("*\n");
        for (SitePolicy.Header h : SitePolicy.SECURITY_HEADERS) {
            out.append("  ").append(h.name()).append(": ").append(h.value()).append('\n');
        }
        out.append("\n# Assets have content-hashed names, so they can be kept for good: a new version has a new name.\n")
                .append(basePath).append(AssetManifest.DIR).append("*\n")
                .append("  Cache-Control: ").append(SitePolicy.CACHE_IMMUTABLE).append('\n')
                .append("\n# Everything else keeps its name: the browser asks every time (and gets a short 304 when nothing changed).\n");
        rule(out, basePath);
        rule(out, basePath + "*.html");
        TreeSet<String> others = new TreeSet<>();
        for (String f : files) {
            if (f.startsWith(AssetManifest.DIR) || f.endsWith(".html") || f.equals("_headers") || f.equals(".htaccess")) {
                continue;
            }
            int slash = f.indexOf('/');
            // A folder of its own (the content's media) gets one rule for all its files.
            others.add(slash < 0 ? f : f.substring(0, slash + 1) + "*");
        }
        others.forEach(f -> rule(out, basePath + f));
        return out.toString();
    }

    private static void rule(StringBuilder out, String path) {
        out.append(path).append('\n').append("  Cache-Control: ").append(SitePolicy.CACHE_REVALIDATE).append('\n');
    }

    /**
     * {@code .htaccess}. Every directive sits inside {@code <IfModule>}, so a server without
     * mod_headers or mod_expires still serves the site instead of failing with an error 500.
     */
    static String htaccess() {
        String hashed = "\"" + AssetManifest.FINGERPRINTED_SUFFIX + "\"";
        StringBuilder out = new StringBuilder()
                .append("# Written by Hearth with every build: HTTP headers for Apache. The server must allow them here\n")
                .append("# (AllowOverride FileInfo Indexes). Check with: curl -I <address>\n")
                .append("<IfModule mod_headers.c>\n");
        for (SitePolicy.Header h : SitePolicy.SECURITY_HEADERS) {
            // 'always' also covers error responses such as the 404 page.
            out.append("  Header always set ").append(h.name()).append(" \"").append(h.value()).append("\"\n");
        }
        out.append("  # Pages and other files keep their names: ask every time.\n")
                .append("  Header set Cache-Control \"").append(SitePolicy.CACHE_REVALIDATE).append("\"\n")
                .append("  # Fingerprinted assets (name.0123456789.ext) change name when they change: keep them for good.\n")
                .append("  <FilesMatch ").append(hashed).append(">\n")
                .append("    Header set Cache-Control \"").append(SitePolicy.CACHE_IMMUTABLE).append("\"\n")
                .append("  </FilesMatch>\n")
                .append("</IfModule>\n")
                .append("<IfModule mod_expires.c>\n")
                .append("  ExpiresActive On\n")
                .append("  ExpiresDefault \"access plus 0 seconds\"\n")
                .append("  <FilesMatch ").append(hashed).append(">\n")
                .append("    ExpiresDefault \"access plus 1 year\"\n")
                .append("  </FilesMatch>\n")
                .append("</IfModule>\n");
        return out.toString();
    }
}
