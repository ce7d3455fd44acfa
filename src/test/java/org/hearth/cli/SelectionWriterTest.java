package org.hearth.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The workbook.yml edit `hearth choose` makes: only the prompts value changes, whatever the style. */
class SelectionWriterTest {

    @Test
    void aFlowStyleSelectionStaysFlowWithoutADuplicateKey() throws Exception {
        assertEquals("title: T\nselection: {prompts: [c, d], order: given}\n",
                SelectionWriter.withPrompts("title: T\nselection: {prompts: [a, b], order: given}\n", List.of("c", "d")));
        assertEquals("title: T\nselection: {prompts: [c], order: given}  # mine\n",
                SelectionWriter.withPrompts("title: T\nselection: {order: given}  # mine\n", List.of("c")));
        assertEquals("selection: {prompts: [c]}\n", SelectionWriter.withPrompts("selection: {}\n", List.of("c")));
    }

    @Test
    void fourSpaceIndentationIsKept() throws Exception {
        String yaml = """
                title: T
                person:
                    name: Sam
                selection:
                    prompts:
                        - a
                        - b
                    order: given
                """;
        assertEquals("""
                title: T
                person:
                    name: Sam
                selection:
                    prompts:
                        - c
                    order: given
                """, SelectionWriter.withPrompts(yaml, List.of("c")));
        assertEquals("""
                title: T
                selection:
                    prompts:
                        - c
                    order: given
                """, SelectionWriter.withPrompts("title: T\nselection:\n    prompts: [a, b]\n    order: given\n", List.of("c")));
        assertEquals("""
                selection:
                    prompts:
                        - c
                    order: given
                """, SelectionWriter.withPrompts("selection:\n    order: given\n", List.of("c")));
        assertEquals("""
                person:
                    name: Sam
                selection:
                    prompts:
                        - c
                """, SelectionWriter.withPrompts("person:\n    name: Sam\n", List.of("c")));
    }

    @Test
    void aListWrittenUnderItsKeyWithoutIndentKeepsThatStyle() throws Exception {
        assertEquals("selection:\n  prompts:\n  - c\n  - d\n  order: given\n",
                SelectionWriter.withPrompts("selection:\n  prompts:\n  - a\n  order: given\n", List.of("c", "d")));
    }

    @Test
    void commentsAnywhereStayIncludingOnesWithEmoji() throws Exception {
        String yaml = """
                # 🌱 My client's workbook, 🌼 chosen with care
                title: T   # the title 🙂
                selection:   # what she picked 🌟
                  # chosen together on Monday
                  prompts:   # her list
                    - a      # first
                    - b
                  # a limit keeps it short
                  limit_per_exercise: 3
                plan: {days: 5}   # one a day
                """;
        assertEquals("""
                # 🌱 My client's workbook, 🌼 chosen with care
                title: T   # the title 🙂
                selection:   # what she picked 🌟
                  # chosen together on Monday
                  prompts:   # her list
                    - c
                    - d
                  # a limit keeps it short
                  limit_per_exercise: 3
                plan: {days: 5}   # one a day
                """, SelectionWriter.withPrompts(yaml, List.of("c", "d")));
    }

    @Test
    void idsYamlWouldReadAsSomethingElseAreQuoted() throws Exception {
        assertEquals("selection: {prompts: [\"yes\", \"404\", plain]}\n",
                SelectionWriter.withPrompts("selection: {prompts: []}\n", List.of("yes", "404", "plain")));
    }

    @Test
    void anEmptyChoiceAndAnEmptySelection() throws Exception {
        assertEquals("selection:\n  prompts: []\n  order: given\n",
                SelectionWriter.withPrompts("selection:\n  prompts:\n    - a\n  order: given\n", List.of()));
        assertEquals("title: T\nselection:\n  prompts:\n    - x\n", SelectionWriter.withPrompts("title: T\nselection:\n", List.of("x")));
        assertEquals("title: T\nselection:\n  prompts:\n    - x\nplan: {days: 3}\n",
                SelectionWriter.withPrompts("title: T\nselection:\nplan: {days: 3}\n", List.of("x")));
    }
}
