package org.hearth.i18n;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One language's interface strings, read from the theme's {@code messages/<lang>.properties}.
 * Templates ask for a key with {@code t("key", args...)}; {@code {0}}, {@code {1}} are replaced
 * literally (no MessageFormat, so an apostrophe in a translation needs no escaping).
 *
 * @param language the language tag the catalogue is for
 * @param file the catalogue's path in the theme, named in errors
 * @param messages every key with its text, in file order
 */
public record Catalogue(String language, String file, Map<String, String> messages) {

    /** Key of the java.time pattern for short dates (such as when resources were checked). */
    public static final String DATE = "format.date";

    public Catalogue {
        messages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(messages));
    }

    /**
     * The text of {@code key} with {@code {0}}, {@code {1}}, … replaced by {@code args}.
     *
     * @throws IllegalArgumentException naming the catalogue file when the key is missing (Templates
     *     reports it at the template line that asked)
     */
    public String t(String key, Object... args) {
        String text = messages.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no message '" + key + "' in templates/" + file);
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /**
     * {@code text} between this language's quotation marks (keys {@code quote.open}, {@code quote.close}),
     * any quotation inside it taking the next depth's marks ({@code quote.nested}).
     */
    public String quote(String text) {
        return t("quote.open") + QuoteMarks.of(this).apply(text, 1) + t("quote.close");
    }

    /**
     * {@code text} as it reads after a label's colon ("Tiempo: {0}"): with {@code format.afterColon =
     * lower} its first letter in lower case, since Spanish does not capitalise there, unless its first
     * word is all capitals (an acronym); any other setting leaves it as written.
     */
    public String afterColon(String text) {
        if (!"lower".equals(t("format.afterColon").strip()) || text.isEmpty() || !Character.isUpperCase(text.codePointAt(0))) {
            return text;
        }
        int first = Character.charCount(text.codePointAt(0));
        if (first < text.length() && Character.isUpperCase(text.codePointAt(first))) {
            return text; // ANAR, EMDR
        }
        return text.substring(0, first).toLowerCase(Locale.forLanguageTag(language)) + text.substring(first);
    }

    /** An ISO date ({@code 2026-12-01}) in this language's short date format. */
    public String date(String iso) {
        return format(LocalDate.parse(iso), DATE);
    }

    /** {@code date} formatted with the java.time pattern stored under {@code key}, in this language. */
    public String format(LocalDate date, String key) {
        return date.format(DateTimeFormatter.ofPattern(t(key), Locale.forLanguageTag(language)));
    }
}
