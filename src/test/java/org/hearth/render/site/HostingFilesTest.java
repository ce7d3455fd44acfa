package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.render.pdf.PrintOptions;
import org.hearth.testing.Golden;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header files written with every site build ({@code _headers} for Netlify and Cloudflare
 * Pages, {@code .htaccess} for Apache), read the way those hosts read them and checked, for every
 * file of the site, against the pages' own Content-Security-Policy and the cache rules.
 */
class HostingFilesTest {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @TempDir
    static Path tmp;
    static Path site;
    static List<String> files;
    static String pageCsp;

    @BeforeAll
    static void build() throws IOException {
        Path content = Golden.copyContent("basic", tmp.resolve("content"));
        // Published under a subpath, so the rules must carry it.
        Files.writeString(content.resolve("workbook.yml"), Files.readString(content.resolve("workbook.yml"))
                + "base_url: https://example.org/workbook/\n");
        Path root = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
        new Hearth(tmp).build(new BuildRequest(content, root.resolve("templates"), tmp.resolve("out"), true, false,
                PrintOptions.DEFAULT, Overrides.NONE, null));
        site = tmp.resolve("out/site");
        try (Stream<Path> s = Files.walk(site)) {
            files = s.filter(Files::isRegularFile).map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        // Every page carries the same policy; the header files must set exactly that one.
        Set<String> policies = new java.util.TreeSet<>();
        for (String f : files) {
            if (f.endsWith(".html")) {
                policies.add(Jsoup.parse(site.resolve(f).toFile(), "UTF-8").selectFirst("meta[http-equiv=Content-Security-Policy]")
                        .attr("content"));
            }
        }
        assertEquals(1, policies.size(), policies.toString());
        pageCsp = policies.iterator().next();
    }

    /** The pages' policy as a map of directive to value, plus frame-ancestors 'none'. */
    private static Map<String, String> expectedCsp() {
        Map<String, String> d = directives(pageCsp);
        assertFalse(d.containsKey("frame-ancestors"), "frame-ancestors is ignored in a meta policy");
        d.put("frame-ancestors", "'none'");
        return d;
    }

    static Map<String, String> directives(String csp) {
        Map<String, String> out = new TreeMap<>();
        for (String part : csp.split(";")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                int sp = p.indexOf(' ');
                out.put(sp < 0 ? p : p.substring(0, sp), sp < 0 ? "" : p.substring(sp + 1).strip());
            }
        }
        return out;
    }

    /** The security headers every response must carry, whatever the file. */
    private static void assertSecurityHeaders(String where, Map<String, List<String>> h) {
        assertEquals(1, h.getOrDefault("Content-Security-Policy", List.of()).size(), where + " " + h);
        assertEquals(expectedCsp(), directives(h.get("Content-Security-Policy").get(0)), where);
        assertEquals(List.of("nosniff"), h.get("X-Content-Type-Options"), where);
        assertEquals(List.of("no-referrer"), h.get("Referrer-Policy"), where);
        assertEquals(List.of("DENY"), h.get("X-Frame-Options"), where);
        List<String> permissions = h.getOrDefault("Permissions-Policy", List.of());
        assertEquals(1, permissions.size(), where);
        for (String feature : List.of("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics",
                "midi", "serial", "hid")) {
            assertTrue((", " + permissions.get(0) + ",").contains(", " + feature + "=(),"), where + ": " + feature + " is not turned off");
        }
    }

    /** Cache rules: fingerprinted assets forever, pages (and anything not fingerprinted) revalidated every time. */
    private static void assertCacheRule(String file, List<String> cacheControl) {
        assertEquals(1, cacheControl.size(), file + " must get exactly one Cache-Control (hosts join several with commas): " + cacheControl);
        if (file.startsWith("assets/")) {
            assertTrue(AssetManifest.FINGERPRINTED.matcher(file.substring(file.lastIndexOf('/') + 1)).matches(),
                    file + " is under assets/ but has no content hash in its name");
            assertEquals(IMMUTABLE, cacheControl.get(0), file);
        } else {
            assertEquals("no-cache", cacheControl.get(0), file);
        }
    }

    @Test
    void headersFileSetsThePagesPolicyAndTheCacheRulesForEveryFile() throws IOException {
        assertTrue(files.contains("_headers"), files.toString());
        Map<String, Map<String, List<String>>> rules = parseHeadersFile(Files.readString(site.resolve("_headers"), StandardCharsets.UTF_8));
        for (String pattern : rules.keySet()) {
            assertTrue(pattern.startsWith("/workbook/"), "rules carry base_url's path: " + pattern);
            assertTrue(pattern.chars().filter(c -> c == '*').count() <= 1, "Cloudflare allows one splat: " + pattern);
        }
        List<String> urls = new ArrayList<>();
        for (String f : files) {
            urls.add("/workbook/" + f);
        }
        urls.add("/workbook/");
        for (String url : urls) {
            if (url.endsWith("/_headers") || url.endsWith("/.htaccess")) {
                continue; // never served by the hosts that read them
            }
            Map<String, List<String>> h = matching(rules, url);
            assertSecurityHeaders(url, h);
            String file = url.substring("/workbook/".length());
            assertCacheRule(file.isEmpty() ? "index.html" : file, h.getOrDefault("Cache-Control", List.of()));
        }
    }

    @Test
    void htaccessSetsTheSameHeadersOnlyWhereApacheHasTheModules() throws IOException {
        assertTrue(files.contains(".htaccess"), files.toString());
        Apache conf = Apache.parse(Files.readString(site.resolve(".htaccess"), StandardCharsets.UTF_8));
        for (String f : files) {
            if (f.equals("_headers") || f.equals(".htaccess")) {
                continue;
            }
            String name = f.substring(f.lastIndexOf('/') + 1);
            Map<String, List<String>> h = conf.headers(name);
            assertSecurityHeaders(f, h);
            assertCacheRule(f, h.getOrDefault("Cache-Control", List.of()));
            String expires = conf.expires(name);
            assertEquals(f.startsWith("assets/") ? "access plus 1 year" : "access plus 0 seconds", expires, f);
        }
    }

    @Test
    void withABaseUrlEveryPageButThe404NamesItsCanonicalAddress() throws IOException {
        for (String f : files) {
            if (f.endsWith(".html")) {
                String canonical = Jsoup.parse(site.resolve(f).toFile(), "UTF-8").select("link[rel=canonical]").attr("href");
                assertEquals(f.equals("404.html") ? "" : "https://example.org/workbook/" + (f.equals("index.html") ? "" : f), canonical, f);
            }
        }
    }

    @Test
    void theHeaderFilesAreBuiltFromTheSamePolicyAsThePages() {
        assertEquals(SitePolicy.CSP, pageCsp);
        assertEquals(expectedCsp(), directives(SitePolicy.HEADER_CSP));
    }

    // ---- _headers, read as Netlify and Cloudflare Pages read it ------------------------------------

    /** Rules in file order: URL pattern (one splat allowed) to its headers, repeated names kept. */
    static Map<String, Map<String, List<String>>> parseHeadersFile(String text) {
        Map<String, Map<String, List<String>>> rules = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                assertFalse(rules.containsKey(line.strip()), "the same path twice: " + line);
                current = new LinkedHashMap<>();
                rules.put(line.strip(), current);
            } else {
                assertTrue(current != null, "a header before any path: " + line);
                int colon = line.indexOf(':');
                assertTrue(colon > 0, "not a header line: " + line);
                current.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
            }
        }
        return rules;
    }

    /** Every matching rule's headers together, as both hosts do (a request inherits all matching rules). */
    static Map<String, List<String>> matching(Map<String, Map<String, List<String>>> rules, String url) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        rules.forEach((pattern, headers) -> {
            if (Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q")).matcher(url).matches()) {
                headers.forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            }
        });
        return out;
    }

    // ---- .htaccess, read as Apache reads it ------------------------------------------------------

    /**
     * The directives the test needs: {@code Header always set}, {@code Header set} inside
     * {@code FilesMatch}, {@code ExpiresActive}/{@code ExpiresDefault}; everything must sit inside an
     * {@code IfModule} of the module that provides it, so a server without it does not fail.
     */
    record Apache(List<Directive> directives) {

        record Directive(String module, String filesMatch, String name, List<String> args) {
        }

        private static final Pattern ARG = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+)");

        static Apache parse(String text) {
            List<Directive> out = new ArrayList<>();
            String module = null;
            String files = null;
            for (String raw : text.split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("<IfModule ")) {
                    assertEquals(null, module, "nested IfModule");
                    module = line.substring("<IfModule ".length(), line.length() - 1).strip();
                } else if (line.equals("</IfModule>")) {
                    module = null;
                } else if (line.startsWith("<FilesMatch ")) {
                    files = args(line.substring("<FilesMatch ".length(), line.length() - 1)).get(0);
                } else if (line.equals("</FilesMatch>")) {
                    files = null;
                } else {
                    List<String> a = args(line);
                    String name = a.get(0);
                    String needs = name.startsWith("Header") ? "mod_headers.c" : name.startsWith("Expires") ? "mod_expires.c" : "?";
                    assertEquals(needs, module, line + " must be inside <IfModule " + needs + ">");
                    out.add(new Directive(module, files, name, a.subList(1, a.size())));
                }
            }
            assertEquals(null, module, "an IfModule is not closed");
            return new Apache(out);
        }

        private static List<String> args(String line) {
            List<String> out = new ArrayList<>();
            Matcher m = ARG.matcher(line);
            while (m.find()) {
                out.add(m.group(1) != null ? m.group(1).replace("\\\"", "\"") : m.group(2));
            }
            return out;
        }

        private static boolean applies(Directive d, String fileName) {
            return d.filesMatch() == null || Pattern.compile(d.filesMatch()).matcher(fileName).find();
        }

        /** The response headers for a file, applying {@code set} in order as mod_headers does. */
        Map<String, List<String>> headers(String fileName) {
            Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (Directive d : directives) {
                if (d.name().equals("Header") && applies(d, fileName)) {
                    List<String> a = new ArrayList<>(d.args());
                    if (a.get(0).equals("always")) {
                        a.remove(0);
                    }
                    assertEquals("set", a.get(0), "only 'set' replaces a header instead of adding a second: " + d);
                    assertEquals(3, a.size(), d.toString());
                    out.put(a.get(1), new ArrayList<>(List.of(a.get(2))));
                }
            }
            return out;
        }

        /** The Expires rule that applies to a file (the last matching ExpiresDefault), with ExpiresActive on. */
        String expires(String fileName) {
            assertTrue(directives.stream().anyMatch(d -> d.name().equals("ExpiresActive") && d.args().equals(List.of("On"))));
            String rule = null;
            for (Directive d : directives) {
                if (d.name().equals("ExpiresDefault") && applies(d, fileName)) {
                    rule = d.args().get(0);
                }
            }
            return rule;
        }
    }
}
