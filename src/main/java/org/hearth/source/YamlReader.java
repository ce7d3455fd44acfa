package org.hearth.source;

import java.io.StringReader;
import java.util.Optional;
import org.hearth.diag.Diagnostics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Parses YAML to position-carrying nodes with SnakeYAML's safe loader. Only the node graph is
 * used, never object construction, so no YAML tag can instantiate a class.
 */
public final class YamlReader {

    private final LoaderOptions options;
    /** Read-only once made, so one serves every thread. */
    private final Resolver resolver = new WordResolver();

    public YamlReader() {
        options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported by YamlValue with a position instead
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(8 * 1024 * 1024);
    }

    /** Parses {@code source}; syntax errors become diagnostics at the offending line and column. */
    public Optional<YamlValue> read(SourceText source, Diagnostics diagnostics) {
        try {
            // What Yaml.compose does, without making a Yaml (its constructor and representer maps)
            // for each of thousands of front matters: composing alone builds no objects.
            Node node = new Composer(new ParserImpl(new StreamReader(new StringReader(source.text())), options), resolver, options)
                    .getSingleNode();
            if (node == null) {
                diagnostics.error(source.file(), "the YAML is empty", "write at least one 'key: value' line");
                return Optional.empty();
            }
            return Optional.of(new YamlValue(node, source, diagnostics));
        } catch (MarkedYAMLException e) {
            // For an unclosed quote or bracket the problem is found at the end of the text; the
            // context mark points at where the unclosed thing starts, which is what the author needs.
            boolean atEnd = e.getProblem() != null && e.getProblem().contains("end of stream");
            Mark mark = atEnd && e.getContextMark() != null ? e.getContextMark()
                    : e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            if (e.getContext() != null) {
                problem = e.getContext() + ", " + problem;
            }
            diagnostics.error(mark == null ? source.file() : source.at(mark.getLine(), mark.getColumn()),
                    "invalid YAML: " + problem.trim(),
                    "check indentation and quoting here; text containing ': ' or starting with a quote needs \"double quotes\"");
            return Optional.empty();
        } catch (YAMLException e) {
            diagnostics.error(source.file(), "invalid YAML: " + e.getMessage(), "check the file's syntax");
            return Optional.empty();
        }
    }

    /**
     * SnakeYAML's resolver, without its regular expressions for a plain scalar that starts with a
     * letter: of its patterns only the booleans and nulls can match such a word, so a set lookup
     * gives the same tag. Every key and most values are such words, and each cost one or two
     * {@code Matcher}s (a fifth of reading front matter's memory at 10,000 exercises).
     */
    static final class WordResolver extends Resolver {

        private static final java.util.Set<String> BOOLEANS = java.util.Set.of("yes", "Yes", "YES", "no", "No", "NO",
                "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF");
        private static final java.util.Set<String> NULLS = java.util.Set.of("null", "Null", "NULL");

        @Override
        public org.yaml.snakeyaml.nodes.Tag resolve(org.yaml.snakeyaml.nodes.NodeId kind, String value, boolean implicit) {
            if (kind == org.yaml.snakeyaml.nodes.NodeId.scalar && implicit && !value.isEmpty()) {
                char first = value.charAt(0);
                if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') {
                    return BOOLEANS.contains(value) ? org.yaml.snakeyaml.nodes.Tag.BOOL
                            : NULLS.contains(value) ? org.yaml.snakeyaml.nodes.Tag.NULL : org.yaml.snakeyaml.nodes.Tag.STR;
                }
            }
            return super.resolve(kind, value, implicit);
        }
    }
}
