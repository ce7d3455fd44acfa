package org.hearth.i18n;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Long dates with the weekday, in the workbook's language ("martes, 1 de diciembre de 2026"). */
public final class Dates {

    private Dates() {
    }

    /**
     * The long date format of {@code language}: English keeps Hearth's "Tuesday 1 December 2026";
     * every other language gets its own full form from the JDK's locale data (CLDR).
     */
    public static DateTimeFormatter longFormat(String language) {
        Locale locale = Locale.forLanguageTag(language);
        return locale.getLanguage().equals("en") ? DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale)
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
    }
}
