package org.hearth.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Output paths that would overwrite each other: equal, or equal once case is ignored (the file
 * systems of macOS and Windows, and many hosts, do not tell {@code Photo.png} from {@code photo.png}).
 */
public final class OutputNames {

    /** Two paths that land on the same file. */
    public record Clash(String first, String second) {
    }

    private OutputNames() {
    }

    /** Every clash among {@code files}, each reported at its second path, in file order. */
    public static List<Clash> clashes(List<OutputFile> files) {
        Map<String, String> seen = new HashMap<>();
        List<Clash> clashes = new ArrayList<>();
        for (OutputFile f : files) {
            String first = seen.putIfAbsent(f.path().toLowerCase(Locale.ROOT), f.path());
            if (first != null) {
                clashes.add(new Clash(first, f.path()));
            }
        }
        return clashes;
    }
}
