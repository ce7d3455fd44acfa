package org.hearth.i18n;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Position;
import org.hearth.diag.Severity;

/**
 * Every language's message catalogue in a theme. The bundled English catalogue is the reference:
 * a catalogue for any language (bundled or the project's own) must hold all of its keys.
 */
public final class Catalogues {

    /** The catalogue every other one is checked against. */
    public static final String REFERENCE = "en";

    private final Function<String, Optional<byte[]>> files;
    private final Function<String, Optional<byte[]>> bundled;
    private final Map<String, Catalogue> loaded = new ConcurrentHashMap<>();

    /**
     * @param files reads a theme file by path, the project's copy first (see Theme#read)
     * @param bundled reads a file of the bundled theme only, for the reference key list
     */
    public Catalogues(Function<String, Optional<byte[]>> files, Function<String, Optional<byte[]>> bundled) {
        this.files = files;
        this.bundled = bundled;
    }

    /** The path of a language's catalogue inside the theme. */
    public static String path(String language) {
        return "messages/" + language + ".properties";
    }

    /**
     * The catalogue for {@code language}: its own file, or its base language's ({@code es-MX} uses
     * {@code es.properties} when there is no {@code es-MX.properties}).
     *
     * @throws BuildFailure when neither exists, or the file is not UTF-8 properties
     */
    public Catalogue of(String language) {
        return loaded.computeIfAbsent(language, this::load);
    }

    private Catalogue load(String language) {
        String base = language.contains("-") ? language.substring(0, language.indexOf('-')) : language;
        for (String tag : List.of(language, base)) {
            Optional<byte[]> bytes = files.apply(path(tag));
            if (bytes.isPresent()) {
                return new Catalogue(language, path(tag), parse(bytes.get(), path(tag)));
            }
        }
        throw BuildFailure.of(Position.ofFile("templates/" + path(base)), "there are no interface strings for the language '"
                + language + "'", "copy templates/" + path(REFERENCE) + " (from 'hearth init --theme') to templates/" + path(base)
                + " and translate every line");
    }

    /**
     * Problems with the catalogues of {@code languages}: a missing file, or a key of the reference
     * catalogue it lacks (each an error naming the file and the key), or a date pattern java.time refuses.
     */
    public List<Diagnostic> problems(List<String> languages) {
        Map<String, String> reference = bundled.apply(path(REFERENCE)).map(b -> parse(b, path(REFERENCE))).orElse(Map.of());
        List<Diagnostic> out = new ArrayList<>();
        for (String language : languages) {
            Catalogue c;
            try {
                c = of(language);
            } catch (BuildFailure f) {
                out.addAll(f.diagnostics());
                continue;
            }
            Position at = Position.ofFile("templates/" + c.file());
            for (String key : reference.keySet()) {
                if (!c.messages().containsKey(key)) {
                    out.add(new Diagnostic(Severity.ERROR, at, "the message '" + key + "' is missing for the language '" + language + "'",
                            "add a line '" + key + " = ...' translating templates/" + path(REFERENCE) + "'s '" + reference.get(key) + "'"));
                }
            }
            for (String key : List.of(Catalogue.DATE)) {
                String pattern = c.messages().get(key);
                try {
                    if (pattern != null) {
                        LocalDate.of(2026, 12, 1).format(DateTimeFormatter.ofPattern(pattern));
                    }
                } catch (IllegalArgumentException e) {
                    out.add(new Diagnostic(Severity.ERROR, at, "'" + key + "' is not a date pattern: " + e.getMessage(),
                            "write a java.time pattern such as d MMMM yyyy"));
                }
            }
        }
        return out;
    }

    /** A catalogue file's keys and texts, in file order; strictly UTF-8. */
    static Map<String, String> parse(byte[] bytes, String file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw BuildFailure.of(Position.ofFile("templates/" + file), "the message file is not UTF-8 text",
                    "save it as UTF-8");
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        Properties p = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                ordered.put((String) key, (String) value);
                return super.put(key, value);
            }
        };
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw BuildFailure.of(Position.ofFile("templates/" + file), "the message file cannot be read: " + e.getMessage(),
                    "write one 'key = text' per line");
        }
        return ordered;
    }
}
