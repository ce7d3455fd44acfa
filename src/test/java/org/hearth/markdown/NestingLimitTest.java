package org.hearth.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.content.DocumentKind;
import org.hearth.content.FrontMatter;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;
import org.hearth.source.SourceText;
import org.hearth.source.YamlReader;
import org.junit.jupiter.api.Test;

/** Markdown nested deeper than any workbook needs is refused with a position before flexmark parses it. */
class NestingLimitTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new YamlReader());

    private List<String> render(String body) {
        SourceDocument doc = new SourceDocument(DocumentKind.PAGE,
                new FrontMatter("a", "A", "A.", "p", new Position("content/pages/a.md", 4, 7), 1, List.of(), "", null, List.of()),
                new SourceText(Path.of("content/pages/a.md"), "content/pages/a.md", body, 7), "pages/a.md");
        Diagnostics d = new Diagnostics();
        renderer.render(doc, Map.of(), Set.of(), d);
        return d.list().stream().map(Diagnostic::format).toList();
    }

    @Test
    void thousandsOfQuoteLevelsAreAPositionedErrorNotAStackOverflow() {
        List<String> m = render("Intro\n\n" + ">".repeat(20_000) + " deep\n");
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).startsWith("content/pages/a.md:9:33: error: block quotes and lists nested 20000 levels deep; the limit is 32"),
                m.toString());
    }

    @Test
    void listsNestedOnOneLineOrByIndentationCount() {
        assertTrue(render("- ".repeat(5_000) + "x\n").get(0).contains("nested 5000 levels deep; the limit is 32"));
        StringBuilder ladder = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            ladder.append("  ".repeat(i)).append("- item\n");
        }
        List<String> m = render(ladder.toString());
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).contains("levels deep; the limit is 32"), m.toString());
    }

    @Test
    void thousandsOfBracketsOrEmphasisMarksAreAPositionedError() {
        List<String> brackets = render("Text " + "[".repeat(30_000) + "x" + "]".repeat(30_000) + "\n");
        assertEquals(1, brackets.size(), brackets.toString());
        assertTrue(brackets.get(0).startsWith("content/pages/a.md:7:38: error: links and emphasis nested 30000 levels deep; the limit is 32"),
                brackets.toString());
        List<String> emphasis = render("*a ".repeat(20_000) + "b" + " c*".repeat(20_000) + "\n");
        assertEquals(1, emphasis.size(), emphasis.toString());
        assertTrue(emphasis.get(0).contains("links and emphasis nested 20000 levels deep; the limit is 32"), emphasis.toString());
        List<String> image = render("![".repeat(20_000) + "x" + "](a.png)".repeat(20_000) + "\n");
        assertTrue(image.get(0).contains("nested 20000 levels deep"), image.toString());
    }

    @Test
    void realisticNestingAndCodeAreFine() {
        String body = "> quote\n> > inner\n> > > - a\n> > >   - b\n> > >     1. c\n\n"
                + "**bold *and italic* [link [with] brackets](#x)** and snake_case_name and 2 * 3 * 4.\n\n"
                + "```\n" + ">".repeat(100) + " not markdown " + "[".repeat(100) + "\n```\n";
        assertEquals(List.of(), render(body).stream().filter(s -> s.contains("nested")).toList());
    }
}
