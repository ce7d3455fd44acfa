package org.hearth.i18n;

/**
 * A template model that speaks one language: {@code t}, {@code q} and {@code date} in a template,
 * each asked of the model's {@link Catalogue}. The site's pages and the print view share it, so
 * both outputs phrase, quote and date alike.
 */
public interface CatalogueView {

    /** The interface strings of the language the model is rendered in. */
    Catalogue messages();

    /** {@code t("key")} in a template: the interface string in the model's language. */
    default String t(String key) {
        return messages().t(key);
    }

    /** {@code t("key", arg)}: the string with {@code {0}} replaced. */
    default String t(String key, Object a) {
        return messages().t(key, a);
    }

    /** {@code t("key", a, b)}: the string with {@code {0}} and {@code {1}} replaced. */
    default String t(String key, Object a, Object b) {
        return messages().t(key, a, b);
    }

    /** {@code t("key", a, b, c, d)}: the string with {@code {0}} to {@code {3}} replaced. */
    default String t(String key, Object a, Object b, Object c, Object d) {
        return messages().t(key, a, b, c, d);
    }

    /** {@code q(text)}: text between the language's quotation marks. */
    default String q(String text) {
        return messages().quote(text);
    }

    /** {@code afterColon(text)}: text in the case the language writes after a label's colon. */
    default String afterColon(String text) {
        return messages().afterColon(text);
    }

    /** {@code date("2026-12-01")}: an ISO date in the language's short format. */
    default String date(String iso) {
        return messages().date(iso);
    }
}
