package org.hearth.source;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.diag.Suggest;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node with its position, read strictly: every accessor checks the type and reports a
 * positioned diagnostic instead of throwing, and {@link Fields#finish()} rejects keys nobody read
 * (mdBook's {@code deny_unknown_fields}).
 */
public final class YamlValue {

    private final Node node;
    private final SourceText source;
    private final Diagnostics diagnostics;

    YamlValue(Node node, SourceText source, Diagnostics diagnostics) {
        this.node = node;
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /** Where this value starts. */
    public Position position() {
        return source.at(node.getStartMark().getLine(), node.getStartMark().getColumn());
    }

    public SourceText source() {
        return source;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public boolean isNull() {
        return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    /** This value as a mapping whose keys are checked against the ones read, or empty if it is not one. */
    public Optional<Fields> fields(String what) {
        if (node instanceof MappingNode m) {
            return Optional.of(new Fields(m, what));
        }
        error("expected " + what + " to be a mapping of keys to values, found " + describe(), "write it as 'key: value' lines");
        return Optional.empty();
    }

    /** This value as a plain string (numbers and booleans are read as their text). */
    public Optional<String> string(String what) {
        if (node instanceof ScalarNode s && !isNull()) {
            return Optional.of(s.getValue());
        }
        error("expected " + what + " to be text, found " + describe(), "write a single value after the colon");
        return Optional.empty();
    }

    /** This value as prose shown to readers: a string with typographic quotes. */
    public Optional<String> text(String what) {
        return string(what).map(Typography::curl);
    }

    /** This value as a list of prose strings, each with typographic quotes. */
    public List<String> textList(String what) {
        return stringList(what).stream().map(Typography::curl).toList();
    }

    /** This value as an integer. */
    public Optional<Integer> integer(String what) {
        return string(what).flatMap(text -> {
            try {
                return Optional.of(Integer.parseInt(text.trim()));
            } catch (NumberFormatException e) {
                error("expected " + what + " to be a whole number, found '" + text + "'", "write a number such as 10");
                return Optional.empty();
            }
        });
    }

    /** This value as a {@code yes/no}, {@code true/false} boolean. */
    public Optional<Boolean> bool(String what) {
        return string(what).flatMap(text -> switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> {
                error("expected " + what + " to be true or false, found '" + text + "'", "write true or false");
                yield Optional.empty();
            }
        });
    }

    /** This value as an ISO date (YYYY-MM-DD). */
    public Optional<LocalDate> date(String what) {
        return string(what).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text.trim()));
            } catch (DateTimeParseException e) {
                error("expected " + what + " to be a date, found '" + text + "'", "write the date as YYYY-MM-DD, for example 2026-01-31");
                return Optional.empty();
            }
        });
    }

    /** This value as one of the given words (case-insensitive), mapped to a value. */
    public <T> Optional<T> oneOf(String what, Map<String, T> choices) {
        return string(what).flatMap(text -> {
            T found = choices.get(text.trim().toLowerCase(java.util.Locale.ROOT));
            if (found == null) {
                String all = "use one of: " + String.join(", ", choices.keySet());
                error("unknown " + what + " '" + text + "'",
                        Suggest.closest(text, choices.keySet()).map(c -> "did you mean '" + c + "'? (" + all + ")").orElse(all));
            }
            return Optional.ofNullable(found);
        });
    }

    /** This value as a list; a single scalar is not accepted, so mistakes show early. */
    public List<YamlValue> list(String what) {
        if (node instanceof SequenceNode seq) {
            List<YamlValue> out = new ArrayList<>();
            for (Node child : seq.getValue()) {
                out.add(new YamlValue(child, source, diagnostics));
            }
            return out;
        }
        if (isNull()) {
            return List.of();
        }
        error("expected " + what + " to be a list, found " + describe(), "write it as [a, b] or as lines starting with '- '");
        return List.of();
    }

    /** This value as a list of strings. */
    public List<String> stringList(String what) {
        List<String> out = new ArrayList<>();
        for (YamlValue v : list(what)) {
            v.string("each entry of " + what).ifPresent(out::add);
        }
        return out;
    }

    /** Records an error at this value. */
    public void error(String message, String hint) {
        diagnostics.error(position(), message, hint);
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull()) {
            return "nothing";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    /** The keys of a mapping; reading a key marks it as known. */
    public final class Fields {

        private final Map<String, NodeTuple> byKey = new LinkedHashMap<>();
        private final Set<String> read = new java.util.HashSet<>();
        private final String what;

        Fields(MappingNode mapping, String what) {
            this.what = what;
            for (NodeTuple t : mapping.getValue()) {
                YamlValue key = new YamlValue(t.getKeyNode(), source, diagnostics);
                key.string("a key").ifPresent(k -> {
                    if (byKey.containsKey(k)) {
                        key.error("duplicate key '" + k + "' in " + what, "keep only one '" + k + ":' line");
                    } else {
                        byKey.put(k, t);
                    }
                });
            }
        }

        /** Records an error at the mapping itself (for a missing combination of keys). */
        public void error(String message, String hint) {
            diagnostics.error(position(), message, hint);
        }

        /** Position of the mapping itself. */
        public Position position() {
            return YamlValue.this.position();
        }

        /** The value of {@code key}, if present and not null. */
        public Optional<YamlValue> get(String key) {
            read.add(key);
            NodeTuple t = byKey.get(key);
            if (t == null) {
                return Optional.empty();
            }
            YamlValue v = new YamlValue(t.getValueNode(), source, diagnostics);
            return v.isNull() ? Optional.empty() : Optional.of(v);
        }

        /** The value of a required key; reports it missing otherwise. */
        public Optional<YamlValue> require(String key, String example) {
            Optional<YamlValue> v = get(key);
            if (v.isEmpty()) {
                diagnostics.error(position(), "missing required key '" + key + "' in " + what, "add a line such as '" + key + ": " + example + "'");
            }
            return v;
        }

        public Optional<String> string(String key) {
            return get(key).flatMap(v -> v.string("'" + key + "'"));
        }

        public Optional<String> requireString(String key, String example) {
            return require(key, example).flatMap(v -> v.string("'" + key + "'"));
        }

        /** Prose shown to readers, with typographic quotes. */
        public Optional<String> text(String key) {
            return get(key).flatMap(v -> v.text("'" + key + "'"));
        }

        /** Required prose shown to readers, with typographic quotes. */
        public Optional<String> requireText(String key, String example) {
            return require(key, example).flatMap(v -> v.text("'" + key + "'"));
        }

        /** A list of prose strings shown to readers, with typographic quotes. */
        public List<String> textList(String key) {
            return get(key).map(v -> v.textList("'" + key + "'")).orElse(List.of());
        }

        public List<String> stringList(String key) {
            return get(key).map(v -> v.stringList("'" + key + "'")).orElse(List.of());
        }

        public <T> Optional<T> map(String key, Function<YamlValue, Optional<T>> reader) {
            return get(key).flatMap(reader);
        }

        /** Position of a key (not its value), for errors about the key itself. */
        public Position keyPosition(String key) {
            NodeTuple t = byKey.get(key);
            if (t == null) {
                return position();
            }
            return new YamlValue(t.getKeyNode(), source, diagnostics).position();
        }

        /** Reports every key that was never read as unknown, suggesting the nearest known key. */
        public void finish(Collection<String> known) {
            for (String key : byKey.keySet()) {
                if (!read.contains(key)) {
                    diagnostics.error(keyPosition(key), "unknown key '" + org.hearth.diag.Shown.name(key) + "' in " + what,
                            Suggest.hint(key, known, "known keys are: " + String.join(", ", known)));
                }
            }
        }

        /** {@link #finish(Collection)} with the keys read so far as the known set. */
        public void finish() {
            finish(List.copyOf(new java.util.TreeSet<>(read)));
        }
    }
}
