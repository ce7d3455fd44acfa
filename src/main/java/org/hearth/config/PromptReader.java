package org.hearth.config;

import java.util.List;
import java.util.Optional;
import org.hearth.model.Intensity;
import org.hearth.model.Prompt;
import org.hearth.model.PromptKind;
import org.hearth.model.Scale;
import org.hearth.source.YamlValue;

/**
 * Reads a prompt from YAML, for the prompt library and for custom prompts in workbook.yml alike,
 * checking that each key fits the prompt's kind.
 */
public final class PromptReader {

    /** Every key a prompt may have. */
    public static final List<String> KEYS = List.of("id", "text", "kind", "tags", "intensity", "space",
            "starter", "items", "scale", "low", "high", "hold_back_early", "other");

    /** Reads one prompt mapping; problems are reported at their keys. */
    public Optional<Prompt> read(YamlValue.Fields f) {
        return read(f, new String[0]);
    }

    /** Reads one prompt mapping that may also have the {@code extraKeys} (read by the caller). */
    public Optional<Prompt> read(YamlValue.Fields f, String... extraKeys) {
        Optional<YamlValue> idValue = f.require("id", "my-prompt");
        String id = idValue.flatMap(v -> v.string("'id'")).orElse(null);
        idValue.ifPresent(v -> checkId(v, id));
        String text = f.requireText("text", "What do you notice?").orElse("");
        PromptKind kind = f.require("kind", "journal").flatMap(v -> v.oneOf("prompt kind", PromptKind.byLabel())).orElse(PromptKind.JOURNAL);
        List<String> tags = f.stringList("tags");
        Intensity intensity = f.map("intensity", v -> v.oneOf("intensity", Intensity.byLabel())).orElse(Intensity.GENTLE);
        int space = f.map("space", v -> v.integer("'space'")).orElse(defaultSpace(kind));
        if (space < 0 || space > 60) {
            f.get("space").ifPresent(v -> v.error("space must be between 0 and 60 lines", "a journal answer usually needs 6 to 10 lines"));
        }
        String starter = onlyFor(f, "starter", kind, PromptKind.LETTER).flatMap(v -> v.text("'starter'")).orElse("");
        List<String> items = onlyFor(f, "items", kind, PromptKind.CHECKLIST).map(v -> v.textList("'items'")).orElse(List.of());
        if (kind == PromptKind.CHECKLIST && items.isEmpty()) {
            f.get("items").ifPresentOrElse(v -> v.error("a checklist needs at least one item", "list the items under 'items:'"),
                    () -> f.error("a checklist prompt needs 'items'", "add 'items: [first, second]'"));
        }
        Scale scale = onlyFor(f, "scale", kind, PromptKind.RATING).flatMap(v -> v.string("'scale'").flatMap(s -> {
            Optional<Scale> parsed = Scale.parse(s);
            if (parsed.isEmpty()) {
                v.error("unknown scale '" + s + "'", "use 0-10, 1-10 or 1-5");
            }
            return parsed;
        })).orElse(kind == PromptKind.RATING ? new Scale(0, 10) : null);
        String low = onlyFor(f, "low", kind, PromptKind.RATING).flatMap(v -> v.text("'low'")).orElse("");
        String high = onlyFor(f, "high", kind, PromptKind.RATING).flatMap(v -> v.text("'high'")).orElse("");
        boolean holdBackEarly = f.map("hold_back_early", v -> v.bool("'hold_back_early'")).orElse(false);
        // Declared, not guessed from the prompt's words ("add your own"), which differ in every language.
        boolean other = onlyFor(f, "other", kind, PromptKind.CHECKLIST).flatMap(v -> v.bool("'other'")).orElse(false);
        List<String> known = new java.util.ArrayList<>(KEYS);
        known.addAll(List.of(extraKeys));
        f.finish(known);
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new Prompt(id, text, kind, tags, intensity, space, starter, items, scale, low, high, holdBackEarly, other, f.position()));
    }

    private static int defaultSpace(PromptKind kind) {
        return switch (kind) {
            case JOURNAL -> 6;
            case LETTER -> 16;
            case MIRROR -> 3;
            case BOX -> 8;
            case CHECKLIST, RATING -> 0;
        };
    }

    /** A key that only one prompt kind may use; reports it on any other kind. */
    private static Optional<YamlValue> onlyFor(YamlValue.Fields f, String key, PromptKind kind, PromptKind allowed) {
        Optional<YamlValue> v = f.get(key);
        if (v.isPresent() && kind != allowed) {
            v.get().error("'" + key + "' only applies to " + allowed.label() + " prompts, not " + kind.label(),
                    "remove the '" + key + "' line or change 'kind' to " + allowed.label());
            return Optional.empty();
        }
        return v;
    }

    /** Reports an id that is not lower-case words joined by hyphens. */
    public static void checkId(YamlValue v, String id) {
        if (id != null && !ConfigLoader.ID.matcher(id).matches()) {
            v.error("'" + id + "' is not a valid id", "use lower-case letters, digits and hyphens, such as 'write-a-letter'");
        }
    }
}
