package org.hearth.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Sets {@code selection.prompts} in workbook.yml text by editing only the characters of that one
 * value, found through the YAML parser's node positions, so every other byte (other keys, flow or
 * block style, any indentation, comments) stays exactly as it was.
 */
final class SelectionWriter {

    /** Why the file cannot be edited safely; nothing is written then. */
    static final class CannotEdit extends Exception {
        CannotEdit(String message) {
            super(message);
        }
    }

    private SelectionWriter() {
    }

    /**
     * The text with {@code selection.prompts} set to {@code ids}.
     *
     * @throws CannotEdit when the file is not a block or flow mapping this edit understands, or
     *     the edited text would not read back as exactly these prompts
     */
    static String withPrompts(String yaml, List<String> ids) throws CannotEdit {
        Node root = compose(yaml);
        String edited;
        if (root == null) {
            edited = appendSelection(yaml, ids, 2);
        } else if (!(root instanceof MappingNode map) || map.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            throw new CannotEdit("workbook.yml is not a block of 'key: value' lines");
        } else {
            edited = edit(yaml, map, ids);
        }
        // Read the result back: the edit must give exactly these prompts and keep every other key.
        Node after = compose(edited);
        if (!(after instanceof MappingNode m) || !prompts(m).equals(Optional.of(ids)) || !keys(m).equals(keysWithSelection(root))) {
            throw new CannotEdit("editing workbook.yml in place would not give the chosen prompts");
        }
        return edited;
    }

    /**
     * Replaces {@code file}'s text with {@link #withPrompts}'s result atomically: the new text goes
     * to a temporary file beside it, which is then moved over the old one, so an interrupted save
     * leaves either the old file or the new one, never half of one.
     */
    static void write(Path file, List<String> ids) throws IOException, CannotEdit {
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = withPrompts(before, ids);
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, after, StandardCharsets.UTF_8);
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Files.setPosixFilePermissions(tmp, posix.readAttributes().permissions());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Node compose(String yaml) throws CannotEdit {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
        } catch (RuntimeException e) {
            throw new CannotEdit("workbook.yml is not valid YAML: " + e.getMessage());
        }
    }

    private static String edit(String yaml, MappingNode root, List<String> ids) throws CannotEdit {
        Optional<NodeTuple> selection = find(root, "selection");
        int unit = indentUnit(root);
        if (selection.isEmpty()) {
            return appendSelection(yaml, ids, unit);
        }
        Node key = selection.get().getKeyNode();
        Node value = selection.get().getValueNode();
        if (value instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
            // `selection:` with nothing after it: give it a block with one key.
            int at = colonAfter(yaml, key);
            int end = s.getValue().isEmpty() ? at : index(yaml, s.getEndMark().getIndex());
            String indent = " ".repeat(column(yaml, key) + unit);
            return yaml.substring(0, at) + "\n" + indent + "prompts:" + block(ids, indent + " ".repeat(unit)) + yaml.substring(end);
        }
        if (!(value instanceof MappingNode selectionMap)) {
            throw new CannotEdit("'selection' in workbook.yml is not a mapping");
        }
        Optional<NodeTuple> prompts = find(selectionMap, "prompts");
        if (selectionMap.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (prompts.isPresent()) {
                return replace(yaml, prompts.get().getValueNode(), flow(ids));
            }
            int brace = index(yaml, selectionMap.getStartMark().getIndex()) + 1;
            String rest = selectionMap.getValue().isEmpty() ? "" : ", ";
            return yaml.substring(0, brace) + "prompts: " + flow(ids) + rest + yaml.substring(brace);
        }
        int keyColumn = column(yaml, selectionMap.getValue().get(0).getKeyNode());
        int step = Math.max(keyColumn - column(yaml, key), 1);
        if (prompts.isEmpty()) {
            // A new first key, written at the column the other keys use.
            Node first = selectionMap.getValue().get(0).getKeyNode();
            int at = index(yaml, first.getStartMark().getIndex());
            String keyIndent = " ".repeat(keyColumn);
            return yaml.substring(0, at) + "prompts:" + block(ids, keyIndent + " ".repeat(step)) + "\n" + keyIndent + yaml.substring(at);
        }
        Node old = prompts.get().getValueNode();
        if (old instanceof SequenceNode seq && seq.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !seq.getValue().isEmpty()) {
            // Keep the list's own indentation (some write "- " under the key, some indent it).
            String dashIndent = " ".repeat(column(yaml, seq));
            Node last = seq.getValue().get(seq.getValue().size() - 1);
            int start = index(yaml, seq.getStartMark().getIndex());
            int end = index(yaml, last.getEndMark().getIndex());
            if (ids.isEmpty()) {
                return yaml.substring(0, colonAfter(yaml, prompts.get().getKeyNode())) + " []" + yaml.substring(end);
            }
            return yaml.substring(0, start) + block(ids, dashIndent).substring(1 + dashIndent.length()) + yaml.substring(end);
        }
        // A flow list, an empty value or a single id: a block list under the key, as the chooser always wrote.
        int at = colonAfter(yaml, prompts.get().getKeyNode());
        int end = old instanceof ScalarNode s && s.getValue().isEmpty() ? at : index(yaml, old.getEndMark().getIndex());
        String list = ids.isEmpty() ? " []" : block(ids, " ".repeat(keyColumn + step));
        return yaml.substring(0, at) + list + yaml.substring(end);
    }

    private static String appendSelection(String yaml, List<String> ids, int unit) {
        String text = yaml.isEmpty() || yaml.endsWith("\n") ? yaml : yaml + "\n";
        String indent = " ".repeat(unit);
        return text + "selection:\n" + indent + "prompts:" + (ids.isEmpty() ? " []" : block(ids, indent + indent)) + "\n";
    }

    /** Each id on its own line as "- id" at {@code indent}, each line starting with a newline. */
    private static String block(List<String> ids, String indent) {
        if (ids.isEmpty()) {
            return " []";
        }
        StringBuilder s = new StringBuilder();
        ids.forEach(id -> s.append('\n').append(indent).append("- ").append(scalar(id)));
        return s.toString();
    }

    private static String flow(List<String> ids) {
        List<String> written = new ArrayList<>();
        ids.forEach(id -> written.add(scalar(id)));
        return "[" + String.join(", ", written) + "]";
    }

    /** An id as a plain scalar, or quoted when YAML would read it as something else (yes, 404, null). */
    private static String scalar(String id) {
        Tag tag = new Resolver().resolve(NodeId.scalar, id, true);
        return tag.equals(Tag.STR) ? id : "\"" + id + "\"";
    }

    private static String replace(String yaml, Node node, String with) {
        return yaml.substring(0, index(yaml, node.getStartMark().getIndex())) + with
                + yaml.substring(index(yaml, node.getEndMark().getIndex()));
    }

    /** Where the text after a key's colon starts. */
    private static int colonAfter(String yaml, Node key) throws CannotEdit {
        int colon = yaml.indexOf(':', index(yaml, key.getEndMark().getIndex()));
        if (colon < 0) {
            throw new CannotEdit("cannot find the ':' after '" + ((ScalarNode) key).getValue() + "'");
        }
        return colon + 1;
    }

    /** SnakeYAML counts code points; Java strings count UTF-16 units (an emoji in a comment is two). */
    private static int index(String yaml, int codePoints) {
        return yaml.offsetByCodePoints(0, codePoints);
    }

    private static int column(String yaml, Node node) {
        int at = index(yaml, node.getStartMark().getIndex());
        return at - (yaml.lastIndexOf('\n', at - 1) + 1);
    }

    /** The document's own indentation step: how far its first nested block is indented (2 if none). */
    private static int indentUnit(MappingNode root) {
        for (NodeTuple t : root.getValue()) {
            Node v = t.getValueNode();
            if (v instanceof MappingNode m && m.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !m.getValue().isEmpty()) {
                int step = m.getValue().get(0).getKeyNode().getStartMark().getColumn() - t.getKeyNode().getStartMark().getColumn();
                if (step > 0) {
                    return step;
                }
            }
        }
        return 2;
    }

    private static Optional<NodeTuple> find(MappingNode map, String key) {
        return map.getValue().stream().filter(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)).findFirst();
    }

    private static Optional<List<String>> prompts(MappingNode root) {
        return find(root, "selection").map(NodeTuple::getValueNode).filter(MappingNode.class::isInstance)
                .flatMap(s -> find((MappingNode) s, "prompts")).map(NodeTuple::getValueNode)
                .filter(SequenceNode.class::isInstance)
                .map(seq -> ((SequenceNode) seq).getValue().stream().map(n -> n instanceof ScalarNode s ? s.getValue() : "\0").toList());
    }

    private static List<String> keys(MappingNode map) {
        return map.getValue().stream().map(t -> t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "\0").toList();
    }

    private static List<String> keysWithSelection(Node root) {
        List<String> keys = root instanceof MappingNode m ? new ArrayList<>(keys(m)) : new ArrayList<>();
        if (!keys.contains("selection")) {
            keys.add("selection");
        }
        return keys;
    }
}
