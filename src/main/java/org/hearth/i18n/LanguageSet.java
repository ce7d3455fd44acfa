package org.hearth.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The languages one site is built in: the default at the site's root, every other in a folder
 * named by its tag ({@code es/}), as Hugo does. Used for the switcher and {@code hreflang} links.
 *
 * @param languages the tags, default first
 * @param names each language's name in itself
 * @param entries the page and exercise ids each language's site has
 * @param baseUrl the default language's public address, or empty
 */
public record LanguageSet(List<String> languages, Map<String, String> names, Map<String, Set<String>> entries, String baseUrl) {

    /** One language only: pages show no switcher, exactly as before languages existed. */
    public static final LanguageSet SINGLE = new LanguageSet(List.of(), Map.of(), Map.of(), "");

    public LanguageSet {
        languages = List.copyOf(languages);
        names = Map.copyOf(names);
        entries = Map.copyOf(entries);
    }

    /** The folder of {@code language}'s site inside the site folder: empty for the default, else {@code es/}. */
    public String folder(String language) {
        return languages.isEmpty() || languages.get(0).equals(language) ? "" : language + "/";
    }

    /**
     * The switcher for the page at {@code path} of {@code current}'s site: the same page in each
     * language, or that language's home page when it leaves the page out.
     */
    public List<LanguageLink> links(String current, String path, String entryId) {
        List<LanguageLink> out = new ArrayList<>();
        if (languages.size() < 2) {
            return out;
        }
        String up = folder(current).isEmpty() ? "" : "../";
        for (String language : languages) {
            boolean has = entryId == null || entries.getOrDefault(language, Set.of()).contains(entryId);
            String target = folder(language) + (has ? path : "index.html");
            String href = up + target;
            out.add(new LanguageLink(language, names.getOrDefault(language, language), href,
                    baseUrl.isEmpty() ? href : baseUrl + target, language.equals(current)));
        }
        return out;
    }
}
