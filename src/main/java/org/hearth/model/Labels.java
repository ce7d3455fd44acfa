package org.hearth.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Maps the lower-case names of an enum's constants to the constants, for parsing config words. */
final class Labels {

    private Labels() {
    }

    static <E extends Enum<E>> Map<String, E> lowerCase(E[] values) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : values) {
            m.put(e.name().toLowerCase(Locale.ROOT), e);
        }
        return m;
    }
}
