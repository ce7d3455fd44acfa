package org.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of src/main/java depend on each other one way only: a cycle means two packages
 * are really one concept, or a type sits in the wrong one.
 */
class PackageCycleTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    /** A reference to a type of another package, by import or by its full name in code. */
    private static final Pattern TYPE = Pattern.compile("\\b(org\\.hearth(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    /** Every package of the main code, with the packages its files name a type of. */
    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher p = PACKAGE.matcher(text);
                if (!p.find()) {
                    continue;
                }
                String own = p.group(1);
                Set<String> uses = deps.computeIfAbsent(own, k -> new TreeSet<>());
                Matcher m = TYPE.matcher(text.substring(p.end()));
                while (m.find()) {
                    if (!m.group(1).equals(own)) {
                        uses.add(m.group(1));
                    }
                }
            }
        }
        return deps;
    }

    /** The strongly connected components with more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> deps) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String start : deps.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, deps, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> deps, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : deps.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, deps, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.size() > 10, "found the packages: " + deps.keySet());
        List<Set<String>> cycles = cycles(deps);
        StringBuilder why = new StringBuilder();
        for (Set<String> c : cycles) {
            why.append("\n  cycle among ").append(c).append(':');
            for (String p : c) {
                Set<String> inside = new TreeSet<>(deps.get(p));
                inside.retainAll(c);
                why.append("\n    ").append(p).append(" -> ").append(inside);
            }
        }
        assertEquals(List.of(), cycles, why.toString());
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> deps = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(deps));
    }
}
