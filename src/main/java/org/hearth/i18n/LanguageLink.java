package org.hearth.i18n;

/**
 * One entry of a site page's language switcher, and its {@code hreflang} link.
 *
 * @param language the language tag, such as {@code es}
 * @param name the language's name in itself ("Español"), from its catalogue's {@code language.name}
 * @param href where the same page is in that language, relative to the current page
 * @param absolute the same address under {@code base_url}, or the relative one without it
 * @param current whether this is the page's own language
 */
public record LanguageLink(String language, String name, String href, String absolute, boolean current) {
}
