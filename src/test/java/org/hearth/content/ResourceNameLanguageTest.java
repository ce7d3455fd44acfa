package org.hearth.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Resource;
import org.hearth.source.PathNames;
import org.hearth.source.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource's {@code name_lang} says the service's name is in another language than the file
 * (an English name in the Spanish list), so pages can mark it for screen readers; it must be a
 * language tag, and unknown keys stay errors.
 */
class ResourceNameLanguageTest {

    @TempDir
    Path dir;

    private List<Resource> load(String yaml, Diagnostics d) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/resources.yml"), yaml, StandardCharsets.UTF_8);
        return new ContentLoader(new YamlReader(), new PathNames(dir)).load(dir, d).resources();
    }

    private static final String ENTRY = """
            - region: Estados Unidos
              name: National Domestic Violence Hotline
              %s
              contact: Llama al 1-800-799-7233
              verified: 2026-12-02
            - region: España
              name: Línea 024
              contact: Llama al 024
              verified: 2026-12-02
            """;

    @Test
    void aNameInAnotherLanguageSaysWhich() throws IOException {
        Diagnostics d = new Diagnostics();
        List<Resource> r = load(ENTRY.formatted("name_lang: en"), d);
        assertEquals(List.of(), d.list());
        assertEquals(List.of("en", ""), r.stream().map(Resource::nameLang).toList(), "a name without it is in the file's language");
    }

    @Test
    void itMustBeALanguageTag() throws IOException {
        Diagnostics d = new Diagnostics();
        load(ENTRY.formatted("name_lang: English"), d);
        List<String> errors = d.list().stream().map(Diagnostic::format).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("data/resources.yml:3:14") && e.contains("'English' is not a language tag")),
                errors.toString());
    }

    @Test
    void unknownKeysAreStillErrors() throws IOException {
        Diagnostics d = new Diagnostics();
        load(ENTRY.formatted("name_language: en"), d);
        List<String> errors = d.list().stream().map(Diagnostic::format).toList();
        assertTrue(errors.stream().anyMatch(e -> e.contains("data/resources.yml:3:3") && e.contains("name_language")), errors.toString());
    }
}
