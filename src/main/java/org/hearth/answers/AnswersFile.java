package org.hearth.answers;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of one answers export ({@code hearth-answers}, version 1), whatever it was read from.
 *
 * @param workbookId the id of the workbook the answers were written in
 * @param workbookTitle its title, for people
 * @param exportedAt when the answers were exported
 * @param answers the answers by id, in id order (the order the site writes them)
 * @param name whose answers these are, when the file says (a filled PDF's cover), or empty
 */
public record AnswersFile(String workbookId, String workbookTitle, Instant exportedAt, Map<String, Answer> answers, String name) {

    /** The format name every export carries. */
    public static final String FORMAT = "hearth-answers";

    /** The one format version this Hearth reads and writes. */
    public static final int VERSION = 1;

    public AnswersFile {
        answers = Collections.unmodifiableSortedMap(new TreeMap<>(answers));
    }
}
