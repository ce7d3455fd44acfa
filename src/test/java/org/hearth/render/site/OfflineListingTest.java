package org.hearth.render.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hearth.render.OutputFile;
import org.junit.jupiter.api.Test;

/**
 * The service worker's listing made from last build's (a rebuild renames an asset or two) is the
 * one made from nothing: the same order, the same paths, the same list, wherever a renamed path
 * now sorts.
 */
class OfflineListingTest {

    private static List<OutputFile> files(List<String> paths) {
        return paths.stream().map(p -> OutputFile.text(p, p)).toList();
    }

    private static void assertSameListing(OfflineFiles.Listing expected, OfflineFiles.Listing actual) {
        assertArrayEquals(expected.order(), actual.order());
        assertEquals(expected.list(), actual.list());
        for (int i = 0; i < expected.paths().length; i++) {
            assertArrayEquals(expected.paths()[i], actual.paths()[i]);
        }
    }

    @Test
    void renamedPathsSortWhereAFreshListingPutsThem() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<String> before = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                before.add((random.nextBoolean() ? "assets/" : "") + Integer.toString(random.nextInt(1000), 36) + ".html");
            }
            List<String> after = new ArrayList<>(before);
            int renames = random.nextInt(4);
            for (int k = 0; k < renames; k++) {
                after.set(random.nextInt(n), "assets/search-index." + Integer.toHexString(random.nextInt()) + ".js");
            }
            if (random.nextInt(10) == 0) {
                after.set(0, "robots.txt");
            }
            OfflineFiles.Listing last = OfflineFiles.Listing.of(files(before), null);
            assertSameListing(OfflineFiles.Listing.of(files(after), null), OfflineFiles.Listing.of(files(after), last));
        }
    }

    @Test
    void anotherNumberOfFilesIsListedAfresh() {
        OfflineFiles.Listing last = OfflineFiles.Listing.of(files(List.of("b.html", "a.html")), null);
        List<OutputFile> now = files(List.of("c.html", "b.html", "a.html"));
        assertSameListing(OfflineFiles.Listing.of(now, null), OfflineFiles.Listing.of(now, last));
        assertEquals("  \"a.html\",\n  \"b.html\",\n  \"c.html\",\n", OfflineFiles.Listing.of(now, last).list());
    }
}
