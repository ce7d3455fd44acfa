package org.hearth.answers;

import java.util.Locale;

/**
 * The most an answers file may hold, JSON export or filled PDF alike: far beyond what a person
 * writes (a thousand-word answer is about 7,000 characters), small enough that a hostile file is
 * refused while it is read instead of stalling the build (README, "Limits").
 */
public final class AnswerLimits {

    /** The longest answer in characters (and the longest text of any kind in a JSON export). */
    public static final int MAX_TEXT = 100_000;
    /** The most answers a JSON export holds, and the most form fields a filled PDF may have. */
    public static final int MAX_FIELDS = 20_000;
    /** The most characters of all answers together (a PDF's fields; a JSON export is capped by its size). */
    public static final int MAX_TOTAL = 5_000_000;
    /** The most JSON values (objects, arrays, strings, numbers…) in one export. */
    public static final int MAX_VALUES = 250_000;
    /** How deep a JSON export may nest (an export nests four levels). */
    public static final int MAX_NESTING = 8;
    /** The most dated entries in one rating's history. */
    public static final int MAX_HISTORY = 1_000;

    /** The earliest time an answer or export may carry (no answer was typed before 1970). */
    public static final java.time.Instant EARLIEST = java.time.Instant.parse("1970-01-01T00:00:00Z");
    /** The latest: the last moment of the year 9999, the last a four-digit date shows. */
    public static final java.time.Instant LATEST = java.time.Instant.parse("9999-12-31T23:59:59.999Z");
    static final String DATE_HINT = "times and dates in an export lie between 1970 and 9999; "
            + "export the answers again from My answers on the workbook's site";

    /** Whether a time lies between {@link #EARLIEST} and {@link #LATEST}. */
    static boolean inRange(java.time.Instant t) {
        return t != null && !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
    }

    /** The day of a {@code YYYY-MM-DD} text when it is a real day between 1970 and 9999, else null. */
    static java.time.LocalDate day(String text) {
        if (text == null || !text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            java.time.LocalDate d = java.time.LocalDate.parse(text);
            return d.getYear() >= 1970 ? d : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static final String HINT = "this is more than a person writes in a workbook; choose the file exported from My answers, "
            + "or a workbook PDF built by 'hearth build --fillable' and filled in";

    private AnswerLimits() {
    }

    /** A count as messages show it, 100,000. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Characters read so far against {@link #MAX_TOTAL}. */
    static final class Budget {
        private long used;

        /** Counts {@code chars}; false once the total is over the limit. */
        boolean take(int chars) {
            used += chars;
            return used <= MAX_TOTAL;
        }
    }
}
