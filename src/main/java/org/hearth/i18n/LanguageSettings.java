package org.hearth.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hearth.source.PathNames;
import org.hearth.source.SourceText;
import org.hearth.source.StrictUtf8;
import org.hearth.source.YamlReader;
import org.hearth.source.YamlValue;
import org.hearth.diag.Diagnostics;

/**
 * The languages a project is written in, from {@code languages:} and {@code missing:} in
 * {@code content/workbook.yml}. Without {@code languages:} a project has one language, its
 * {@code language:}, exactly as before.
 *
 * @param languages the language tags, the default first; each but the first has its content in {@code content/<tag>/}
 * @param missing what an edition does with an entry or prompt it has no translation of
 */
public record LanguageSettings(List<String> languages, Missing missing) {

    public LanguageSettings {
        languages = List.copyOf(languages);
    }

    /** The default language: the site's root and {@code workbook.pdf}. */
    public String primary() {
        return languages.get(0);
    }

    /** Whether the project has more than one language. */
    public boolean multilingual() {
        return languages.size() > 1;
    }

    /** The language's name in English, for messages ("Spanish"). */
    public static String englishName(String language) {
        String name = Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? language : name;
    }

    /**
     * Reads the settings; problems go to {@code d} at their place in the file. A file that cannot be
     * read gives one language, "en", and is reported by the config loader.
     */
    public static LanguageSettings read(Path contentDir, YamlReader yaml, PathNames names, Diagnostics d) {
        Path file = contentDir.resolve("workbook.yml");
        String text;
        try {
            text = new StrictUtf8().decode(Files.readAllBytes(file), names.display(file));
        } catch (IOException | RuntimeException e) {
            return new LanguageSettings(List.of("en"), Missing.FALLBACK);
        }
        SourceText source = new SourceText(file, names.display(file), text, 1);
        Diagnostics ignored = new Diagnostics(); // the config loader reports problems with the rest of the file
        var fields = yaml.read(source, ignored).flatMap(root -> root.fields("workbook.yml")).orElse(null);
        if (fields == null) {
            return new LanguageSettings(List.of("en"), Missing.FALLBACK);
        }
        String language = fields.string("language").orElse("en");
        // Problems with the two keys read here are reported here; the rest of the file is the config loader's.
        java.util.Set<org.hearth.diag.Diagnostic> before = new java.util.HashSet<>(ignored.list());
        List<String> languages = new ArrayList<>();
        var listed = fields.get("languages");
        if (listed.isPresent()) {
            Diagnostics own = new Diagnostics();
            for (YamlValue item : listed.get().list("'languages'")) {
                item.string("a language tag").ifPresent(tag -> {
                    if (!tag.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                        own.error(item.position(), "'" + tag + "' is not a language tag", "write a tag such as en, es or pt-BR");
                    } else if (languages.contains(tag)) {
                        own.error(item.position(), "the language '" + tag + "' is listed twice", "list each language once");
                    } else {
                        languages.add(tag);
                    }
                });
            }
            d.addAll(own.list());
            if (languages.isEmpty()) {
                d.error(listed.get().position(), "'languages' lists no language", "write for example languages: [en, es], or remove the line");
                languages.add(language);
            } else if (fields.get("language").isPresent() && !languages.get(0).equals(language)) {
                d.error(fields.get("language").get().position(), "'language' is '" + language + "' but the first of 'languages' is '"
                        + languages.get(0) + "'", "the first language listed is the default one: make them the same, or remove 'language'");
            }
        } else {
            languages.add(language);
        }
        Missing missing = fields.get("missing").flatMap(v -> v.oneOf("value of 'missing'", Missing.byLabel())).orElse(Missing.FALLBACK);
        d.addAll(ignored.list().stream().filter(x -> !before.contains(x)).toList());
        return new LanguageSettings(languages, missing);
    }
}
