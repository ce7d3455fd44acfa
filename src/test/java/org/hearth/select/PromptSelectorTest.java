package org.hearth.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hearth.config.Selection;
import org.hearth.config.WorkbookConfig;
import org.hearth.content.Content;
import org.hearth.content.DocumentKind;
import org.hearth.content.FrontMatter;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.markdown.RenderedDocument;
import org.hearth.model.Edition;
import org.hearth.model.Entry;
import org.hearth.model.Intensity;
import org.hearth.model.PageSize;
import org.hearth.model.Part;
import org.hearth.model.Prompt;
import org.hearth.model.PromptKind;
import org.hearth.model.Ref;
import org.hearth.model.Workbook;
import org.hearth.source.SourceText;
import org.junit.jupiter.api.Test;

class PromptSelectorTest {

    private static final Position AT = new Position("content/workbook.yml", 1, 1);

    private static Prompt prompt(String id) {
        return new Prompt(id, "Text of " + id, PromptKind.JOURNAL, List.of(), Intensity.GENTLE, 4, "", List.of(), null, "", "", false, AT);
    }

    private static RenderedDocument doc(String id, String part, int order, String... prompts) {
        List<Ref> refs = java.util.Arrays.stream(prompts).map(p -> new Ref(p, new Position("content/exercises/" + id + ".md", 8, 1))).toList();
        FrontMatter meta = new FrontMatter(id, "Title " + id, "Summary.", part, new Position("content/exercises/" + id + ".md", 5, 7),
                order, List.of(), "", Intensity.GENTLE, refs);
        SourceText body = new SourceText(Path.of(id + ".md"), "content/exercises/" + id + ".md", "", 10);
        return new RenderedDocument(new SourceDocument(DocumentKind.EXERCISE, meta, body, "exercises/" + id + ".md"), List.of(), List.of());
    }

    private static WorkbookConfig config(String... chosen) {
        List<Ref> refs = java.util.Arrays.stream(chosen).map(c -> new Ref(c, AT)).toList();
        return config(new Selection(refs, Selection.Filter.NONE, Selection.Filter.NONE, 0, Selection.Order.AUTHOR, List.of(), AT));
    }

    private static WorkbookConfig config(Selection selection) {
        return new WorkbookConfig("T", "", "", "en", PageSize.A4, "", null, Edition.CLIENT,
                List.of(new Part("one", "One", ""), new Part("two", "Two", "")), selection, null, null, null, "t", org.hearth.model.Imprint.NONE, 4);
    }

    private final Content content = new Content(List.of(),
            Map.of("a", prompt("a"), "b", prompt("b"), "c", prompt("c"), "d", prompt("d")), List.of(), Map.of());

    @Test
    void ordersByPartThenOrderAndKeepsTheExercisesPromptOrder() {
        Diagnostics d = new Diagnostics();
        Workbook wb = new PromptSelector().select(config("c", "a", "d"), content,
                List.of(doc("late", "two", 1, "a"), doc("second", "one", 20, "b", "c"), doc("first", "one", 10, "c", "a")), d);
        assertEquals(List.of(), d.list());
        assertEquals(List.of("first", "second", "late"), wb.entries().stream().map(Entry::id).toList());
        assertEquals(List.of("first--c", "first--a"), wb.entries().get(0).prompts().stream().map(p -> p.fieldId()).toList());
        assertEquals(List.of("c"), wb.entries().get(1).prompts().stream().map(p -> p.prompt().id()).toList(), "b is not chosen");
        assertEquals(List.of("d"), wb.morePrompts().stream().map(p -> p.prompt().id()).toList(), "chosen but offered nowhere");
        assertEquals("mine--d", wb.morePrompts().get(0).fieldId());
        assertEquals("second", wb.entries().get(0).next().id());
        assertEquals(null, wb.entries().get(0).prev());
    }

    @Test
    void unknownIdsAndPartsAreErrorsAndDuplicatesWarnings() {
        Diagnostics d = new Diagnostics();
        new PromptSelector().select(config("a", "a", "bb"), content, List.of(doc("x", "tow", 1, "a"), doc("y", "one", 1, "zz")), d);
        assertEquals(List.of(
                "content/exercises/x.md:5:7: error: unknown part 'tow'\n    hint: did you mean 'two'?",
                "content/exercises/y.md:8:1: error: unknown prompt id 'zz'\n    hint: see the ids in content/prompts/*.yml",
                "content/workbook.yml:1:1: error: unknown prompt id 'bb' in the selection\n    hint: did you mean 'b'?",
                "content/workbook.yml:1:1: warning: prompt 'a' is chosen twice (first at content/workbook.yml:1:1)\n    hint: remove the second mention"),
                d.list().stream().map(Diagnostic::format).toList());
    }
}
