package org.hearth.render.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.hearth.model.Book;
import org.hearth.render.OutputFile;

/**
 * The web manifest and the service worker that make the site installable and readable offline.
 * The worker's file list and cache name come from the finished build, so whatever the assets are
 * called the cache holds exactly this build's files, never half of an older one.
 */
final class OfflineFiles {

    static final String MANIFEST = "manifest.webmanifest";
    static final String WORKER = "sw.js";

    private OfflineFiles() {
    }

    /**
     * The name under the icon on a home screen (at most 24 characters): the whole title, else its
     * first clause, else its words up to the limit, so no word is cut and no space is left dangling.
     */
    static String shortName(String title) {
        final int limit = 24;
        if (title.length() <= limit) {
            return title;
        }
        String clause = title.split("[,:;·—–]", 2)[0].strip();
        if (!clause.isEmpty() && clause.length() <= limit) {
            return clause;
        }
        // A no-break space is still a space between words here, though String.strip() keeps it.
        int cut = -1;
        for (int i = 0; i <= limit && i < title.length(); i++) {
            if (Character.isSpaceChar(title.charAt(i)) || Character.isWhitespace(title.charAt(i))) {
                cut = i;
            }
        }
        String head = cut > 0 ? title.substring(0, cut) : title.substring(0, limit);
        return head.replaceAll("[\\s\\p{Z},:;·—–]+$", "");
    }

    /**
     * The manifest, from the book's title and language. Chrome installs the site only with PNG
     * icons of 192 and 512 pixels; a theme without them (made before they came) gets the SVG only.
     *
     * @param icon the favicon's hashed address
     * @param png192 the 192-pixel PNG icon's hashed address, or null
     * @param png512 the 512-pixel PNG icon's hashed address, or null
     */
    static OutputFile manifest(Book book, String icon, String png192, String png512) {
        StringBuilder icons = new StringBuilder("{\"src\": \"" + icon + "\", \"sizes\": \"any\", \"type\": \"image/svg+xml\", \"purpose\": \"any\"}");
        if (png192 != null && png512 != null) {
            icons.append(",\n    {\"src\": \"").append(png192).append("\", \"sizes\": \"192x192\", \"type\": \"image/png\", \"purpose\": \"any\"}")
                    .append(",\n    {\"src\": \"").append(png512).append("\", \"sizes\": \"512x512\", \"type\": \"image/png\", \"purpose\": \"any\"}");
        }
        String json = "{\n"
                + "  \"name\": " + SearchIndex.js(book.title()) + ",\n"
                + "  \"short_name\": " + SearchIndex.js(shortName(book.title())) + ",\n"
                + "  \"description\": " + SearchIndex.js(book.subtitle()) + ",\n"
                + "  \"lang\": " + SearchIndex.js(book.language()) + ",\n"
                + "  \"id\": \"./\",\n"
                + "  \"start_url\": \"index.html\",\n"
                + "  \"scope\": \"./\",\n"
                + "  \"display\": \"standalone\",\n"
                + "  \"background_color\": \"#fbf8f3\",\n"
                + "  \"theme_color\": \"#9a4a2c\",\n"
                + "  \"icons\": [" + icons + "]\n"
                + "}\n";
        return OutputFile.text(MANIFEST, json);
    }

    /**
     * The service worker: the theme's worker script after two generated lines, the build's version
     * (a hash of every file's path and the SHA-256 of its bytes) and the list of files to keep.
     *
     * @param site every other file of the site, as it will be written
     * @param script the theme's {@code site/sw.js}
     * @param memo the last build's listing and the files' SHA-256s (a rebuild remembers those of files it reused)
     */
    static OutputFile worker(List<OutputFile> site, byte[] script, SiteMemo memo) {
        Listing listing = memo.listing(site);
        // Each file's own SHA-256 (hundreds of megabytes on a large site) on every core; the
        // version hashes them in path order below, so the thread count changes nothing.
        List<byte[]> digests = java.util.stream.IntStream.range(0, listing.order().length).parallel()
                .mapToObj(i -> memo.digest(site.get(listing.order()[i]))).toList();
        MessageDigest sha = sha256();
        for (int i = 0; i < listing.order().length; i++) {
            OutputFile f = site.get(listing.order()[i]);
            sha.update(listing.paths()[i]);
            sha.update((byte) 0);
            sha.update(Long.toString(f.size()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(digests.get(i));
        }
        String list = listing.list();
        sha.update(script);
        String version = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        String head = "// Generated by Hearth for this build: its version and every file it keeps for offline reading.\n"
                + "var HEARTH_BUILD = \"" + version + "\";\n"
                + "var HEARTH_FILES = [\n" + list + "];\n";
        byte[] top = head.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[top.length + script.length];
        System.arraycopy(top, 0, out, 0, top.length);
        System.arraycopy(script, 0, out, top.length, script.length);
        return new OutputFile(WORKER, out);
    }

    /**
     * The site's files in the order the worker hashes them (by path), with their paths as UTF-8
     * and the worker's list of them. A rebuild after an edit has the same paths in the same
     * order but for an asset or two renamed by their new contents: it updates those rather than
     * sorting and quoting 10,000 paths again.
     *
     * @param given the paths in the order given
     * @param order the indexes of the files, sorted by path
     * @param rank each given index's place in {@code order}
     * @param paths the paths in sorted order, as UTF-8
     * @param lines the worker's {@code HEARTH_FILES} line for each, in sorted order (null for none)
     */
    record Listing(List<String> given, int[] order, int[] rank, byte[][] paths, String[] lines) {

        /** Changed paths past which sorting again is as quick as checking each. */
        private static final int FEW = 64;

        /** The listing of {@code site}, from {@code last} (or null) where it can be. */
        static Listing of(List<OutputFile> site, Listing last) {
            List<String> given = site.stream().map(OutputFile::path).toList();
            if (last != null && last.given.size() == given.size()) {
                List<Integer> changed = new ArrayList<>();
                for (int i = 0; i < given.size() && changed.size() <= FEW; i++) {
                    if (!given.get(i).equals(last.given.get(i))) {
                        changed.add(i);
                    }
                }
                if (changed.size() <= FEW) {
                    Listing updated = new Listing(given, last.order, last.rank, last.paths.clone(), last.lines.clone());
                    changed.forEach(i -> updated.put(last.rank[i], given.get(i)));
                    if (changed.stream().allMatch(i -> updated.inPlace(last.rank[i]))) {
                        return updated;
                    }
                }
            }
            Integer[] sorted = new Integer[given.size()];
            for (int i = 0; i < sorted.length; i++) {
                sorted[i] = i;
            }
            java.util.Arrays.sort(sorted, Comparator.comparing(given::get));
            int[] order = new int[sorted.length];
            int[] rank = new int[sorted.length];
            Listing made = new Listing(given, order, rank, new byte[sorted.length][], new String[sorted.length]);
            for (int r = 0; r < sorted.length; r++) {
                order[r] = sorted[r];
                rank[sorted[r]] = r;
                made.put(r, given.get(sorted[r]));
            }
            return made;
        }

        private void put(int at, String path) {
            paths[at] = path.getBytes(StandardCharsets.UTF_8);
            // robots.txt and the sitemap are for crawlers; a reader never opens them offline.
            lines[at] = path.equals("robots.txt") || path.equals("sitemap.xml") ? null : "  " + SearchIndex.js(path) + ",\n";
        }

        /** Whether the path at sorted place {@code at} still sorts between its neighbours. */
        private boolean inPlace(int at) {
            String path = given.get(order[at]);
            return (at == 0 || given.get(order[at - 1]).compareTo(path) <= 0)
                    && (at + 1 == order.length || path.compareTo(given.get(order[at + 1])) <= 0);
        }

        /** The worker's {@code HEARTH_FILES} lines. */
        String list() {
            StringBuilder out = new StringBuilder();
            for (String line : lines) {
                if (line != null) {
                    out.append(line);
                }
            }
            return out.toString();
        }
    }

    /** The SHA-256 of one file's bytes. */
    static byte[] digest(OutputFile file) {
        return OutputFile.sha256(file.bytes());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
