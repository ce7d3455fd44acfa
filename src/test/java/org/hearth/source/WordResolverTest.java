package org.hearth.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The reader's resolver gives every scalar the tag SnakeYAML's own resolver gives it. */
class WordResolverTest {

    @Test
    void tagsAsSnakeYamlResolvesThem() {
        List<String> values = new ArrayList<>(List.of("", " ", "~", "yes", "Yes", "YES", "yES", "no", "No", "NO", "nO",
                "true", "True", "TRUE", "tRUE", "false", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "offer", "null",
                "Null", "NULL", "nULL", "nullable", "n", "y", "Y", "t", "o", "title", "tags", "order", "summary", "id",
                "yes\\n", "Yes please", "null ", "1", "-1", "0x1f", "1.5", ".inf", ".NaN", "2024-01-01", "2024-1-1 10:00:00",
                "<<", "=", "!", "&", "*", "a: b", "Über", "é", "1_000", "+12", "0b101", "0o7", "012", "exercise-0001",
                "Write to your younger self", "False alarm", "NO ENTRY", "ten"));
        for (char c = 'A'; c <= 'z'; c++) {
            values.add(String.valueOf(c));
            values.add(c + "es");
        }
        Resolver snake = new Resolver();
        Resolver ours = new YamlReader.WordResolver();
        for (String v : values) {
            for (boolean implicit : new boolean[] {true, false}) {
                for (NodeId kind : NodeId.values()) {
                    assertEquals(snake.resolve(kind, v, implicit), ours.resolve(kind, v, implicit), kind + " '" + v + "' implicit=" + implicit);
                }
            }
        }
    }
}
