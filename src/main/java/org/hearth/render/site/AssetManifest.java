package org.hearth.render.site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.model.Routes;
import org.hearth.render.OutputFile;

/**
 * The site's static files (CSS, scripts, fonts, the search index) under content-hashed names such
 * as {@code assets/site.3f9a1c07de.css}, and the map from each plain name to its hashed URL that
 * templates use through {@code asset("site.css")}. A name changes exactly when its content does,
 * so hosts may cache assets forever and an update always arrives whole.
 */
public final class AssetManifest {

    /** The folder of the site that holds the assets, every file in it fingerprinted. */
    public static final String DIR = Routes.ASSETS;

    /** A fingerprinted file name: {@code stem.<10 hex digits>.ext}. */
    public static final Pattern FINGERPRINTED = Pattern.compile(".+\\.[0-9a-f]{10}\\.[A-Za-z0-9]+");

    /** The same, as a regular expression for Apache's FilesMatch and nginx's location. */
    static final String FINGERPRINTED_SUFFIX = "\\.[0-9a-f]{10}\\.[A-Za-z0-9]+$";

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]+)\\1\\s*\\)");

    private final Map<String, String> urls;
    private final Map<String, String> lookup;
    private final List<OutputFile> files;

    private AssetManifest(Map<String, String> urls, List<OutputFile> files) {
        this.urls = Collections.unmodifiableMap(urls);
        // Every page asks for its assets' URLs, and a rebuild checks them for each reused page.
        this.lookup = new java.util.HashMap<>(urls);
        this.files = List.copyOf(files);
    }

    /**
     * Fingerprints {@code assets} (plain names relative to {@link #DIR}, such as
     * {@code fonts/Yrsa-Regular.ttf}). Stylesheets are done last, after their {@code url()}
     * references to other assets are rewritten to the hashed names, so a new font renames the CSS too.
     *
     * @param hash the content hash of a file's bytes (a memo may answer for bytes it has seen)
     */
    static AssetManifest of(Map<String, OutputFile> assets, BiFunction<String, OutputFile, String> hash) {
        Map<String, String> urls = new TreeMap<>();
        List<OutputFile> files = new ArrayList<>();
        Map<String, OutputFile> css = new LinkedHashMap<>();
        assets.forEach((name, file) -> {
            if (name.endsWith(".css")) {
                css.put(name, file);
            } else {
                add(name, file, hash.apply(name, file), urls, files);
            }
        });
        css.forEach((name, file) -> {
            OutputFile rewritten = new OutputFile(name, rewriteUrls(name, file.bytes(), urls));
            add(name, rewritten, hash.apply(name, rewritten), urls, files);
        });
        return new AssetManifest(urls, files);
    }

    private static void add(String name, OutputFile file, String hash, Map<String, String> urls, List<OutputFile> files) {
        String path = DIR + hashed(name, hash);
        urls.put(name, path);
        files.add(file.at(path));
    }

    /** {@code dir/stem.ext} as {@code dir/stem.HASH.ext}. */
    static String hashed(String name, String hash) {
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) + "." + hash + name.substring(dot) : name + "." + hash;
    }

    /** The first 10 hex digits of a SHA-256 (or of a digest that stands in for one). */
    static String prefix(byte[] digest) {
        return HexFormat.of().formatHex(digest).substring(0, 10);
    }

    /** The first 10 hex digits of the SHA-256 of {@code bytes}. */
    static String hash(byte[] bytes) {
        return prefix(OutputFile.sha256(bytes));
    }

    /** A stylesheet with each {@code url()} that names another asset pointing at its hashed name. */
    private static byte[] rewriteUrls(String cssName, byte[] bytes, Map<String, String> urls) {
        String dir = cssName.substring(0, cssName.lastIndexOf('/') + 1);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Matcher m = CSS_URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(2).strip();
            int cut = indexOfAny(ref, "?#");
            String file = ref.substring(0, cut);
            String target = normalize(dir + file);
            String url = target == null ? null : urls.get(target);
            String replacement = m.group();
            if (url != null) {
                // The hashed file sits beside the plain one, so only the last segment changes.
                replacement = "url(" + m.group(1) + file.substring(0, file.lastIndexOf('/') + 1)
                        + url.substring(url.lastIndexOf('/') + 1) + ref.substring(cut) + m.group(1) + ")";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** {@code a/./b/../c} as {@code a/c}; null for anything leaving the assets folder or absolute. */
    private static String normalize(String path) {
        if (path.startsWith("/") || path.contains(":")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!p.isEmpty() && !p.equals(".")) {
                parts.add(p);
            }
        }
        return String.join("/", parts);
    }

    /** The hashed URL, relative to the site's root, of the asset with plain name {@code name}, if there is one. */
    String url(String name) {
        return lookup.get(name);
    }

    /** Plain name to hashed URL, for every asset. */
    Map<String, String> urls() {
        return urls;
    }

    /** The fingerprinted files, with paths inside the site. */
    List<OutputFile> files() {
        return files;
    }

    /**
     * {@code asset-manifest.json}: every asset's plain name and hashed URL, for a service worker to
     * cache the whole set at once (the file itself keeps its name and is never cached long).
     */
    String json() {
        StringBuilder out = new StringBuilder("{\n  \"assets\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : urls.entrySet()) {
            out.append(sep).append("    ").append(SearchIndex.js(e.getKey())).append(": ").append(SearchIndex.js(e.getValue()));
            sep = ",\n";
        }
        return out.append("\n  }\n}\n").toString();
    }
}
