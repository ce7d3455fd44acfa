package org.hearth.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.diag.BuildFailure;
import org.hearth.diag.Diagnostic;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Entry;
import org.hearth.model.Workbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The selection language in workbook.yml, end to end from YAML to the workbook model. */
class SelectionTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            title: T
            parts: [{id: p, title: P}]
            """;

    @BeforeEach
    void content() throws IOException {
        Files.createDirectories(dir.resolve("content/exercises"));
        Files.createDirectories(dir.resolve("content/prompts"));
        Files.writeString(dir.resolve("content/exercises/one.md"), """
                ---
                id: one
                title: One
                summary: S.
                part: p
                order: 1
                intensity: gentle
                prompts: [a, b, c, d, e]
                ---
                Body.
                """);
        Files.writeString(dir.resolve("content/exercises/two.md"), """
                ---
                id: two
                title: Two
                summary: S.
                part: p
                order: 2
                intensity: gentle
                prompts: [f, g]
                ---
                Body.
                """);
        Files.writeString(dir.resolve("content/prompts/all.yml"), """
                - {id: a, text: A, kind: journal, tags: [play], intensity: gentle}
                - {id: b, text: B, kind: mirror, tags: [shame], intensity: deep}
                - {id: c, text: C, kind: journal, tags: [play, joy], intensity: moderate}
                - {id: d, text: D, kind: checklist, items: [x], tags: [joy], intensity: gentle}
                - {id: e, text: E, kind: letter, tags: [shame], intensity: moderate}
                - {id: f, text: F, kind: journal, tags: [play], intensity: deep}
                - {id: g, text: G, kind: rating, tags: [body], intensity: gentle}
                - {id: h, text: H, kind: journal, tags: [body], intensity: gentle}
                """);
    }

    private Workbook select(String selection) throws IOException {
        Files.writeString(dir.resolve("content/workbook.yml"), HEAD + selection);
        try {
            return new Hearth(dir).prepare(new BuildRequest(dir.resolve("content"), null, dir.resolve("out")), new Diagnostics());
        } catch (BuildFailure f) {
            throw new AssertionError(Diagnostics.formatNumbered(f.diagnostics()), f);
        }
    }

    private List<String> errors(String selection) throws IOException {
        Files.writeString(dir.resolve("content/workbook.yml"), HEAD + selection);
        BuildFailure f = assertThrows(BuildFailure.class,
                () -> new Hearth(dir).prepare(new BuildRequest(dir.resolve("content"), null, dir.resolve("out")), new Diagnostics()));
        return f.diagnostics().stream().map(Diagnostic::format).toList();
    }

    private static String shown(Workbook wb) {
        StringBuilder s = new StringBuilder();
        for (Entry e : wb.entries()) {
            s.append(e.id()).append(':');
            e.prompts().forEach(p -> s.append(p.prompt().id()));
            s.append(' ');
        }
        s.append("mine:");
        wb.morePrompts().forEach(p -> s.append(p.prompt().id()));
        return s.toString();
    }

    @Test
    void noSelectionShowsEveryOfferedPrompt() throws IOException {
        assertEquals("one:abcde two:fg mine:", shown(select("")));
    }

    @Test
    void includeByTagKindAndIntensityCombineAsAnd() throws IOException {
        assertEquals("one:ac two:f mine:", shown(select("selection: {include: {tags: [play]}}\n")));
        assertEquals("one:a two: mine:", shown(select("selection: {include: {tags: [play], intensity: [gentle]}}\n")));
        assertEquals("one:ace two:f mine:", shown(select("selection: {include: {kinds: [journal, letter]}}\n")));
    }

    @Test
    void namesAndConditionsAddUpAndExcludeWins() throws IOException {
        // Named g, h, b; tagged play: a, c, f; then a (by id) and everything tagged joy (c, d) go.
        assertEquals("one:b two:fg mine:h",
                shown(select("selection: {prompts: [g, h, b], include: {tags: [play]}, exclude: {ids: [a], tags: [joy]}}\n")));
    }

    @Test
    void givenOrderPutsNamedPromptsFirstAndTheLimitApplies() throws IOException {
        assertEquals("one:eca two:gf mine:", shown(select("selection: {prompts: [e, g, c], include: {tags: [play]}, order: given}\n")));
        assertEquals("one:ec two:g mine:", shown(select("selection: {prompts: [e, g, c], order: given, limit_per_exercise: 2}\n")));
        assertEquals("one:ce two:g mine:", shown(select("selection: {prompts: [e, g, c]}\n")));
    }

    @Test
    void customPromptsGoInTheirExerciseOrUnderMyPrompts() throws IOException {
        Workbook wb = select("""
                selection:
                  prompts: [a]
                  custom:
                    - {id: my-walk, text: "Where did you walk today?", kind: journal, space: 4, exercise: two}
                    - {id: my-rating, text: "How was today?", kind: rating, scale: 1-5}
                """);
        assertEquals("one:a two:my-walk mine:my-rating", shown(wb));
        assertEquals("two--my-walk", wb.entries().get(1).prompts().get(0).fieldId());
        assertEquals(4, wb.entries().get(1).prompts().get(0).prompt().space());
    }

    @Test
    void everyMistakeIsPositionedWithASuggestion() throws IOException {
        assertEquals(List.of(
                "content/workbook.yml:5:21: error: unknown prompt kind 'jornal'\n    hint: did you mean 'journal'? (use one of: journal, letter, mirror, checklist, rating, box)",
                "content/workbook.yml:7:50: error: unknown key 'exercize' in a custom prompt\n    hint: did you mean 'exercise'?"),
                errors("""
                        selection:
                          prompts: [aa, a]
                          include: {kinds: [jornal], tags: [playy]}
                          exclude: {tags: [shme]}
                          custom: [{id: mine, text: Mine, kind: journal, exercize: one}]
                        """));
        // Once the config reads cleanly, the selection stage checks ids and tags against the library.
        assertEquals(List.of(
                "content/workbook.yml:4:13: error: unknown prompt id 'aa' in the selection\n    hint: did you mean 'a'?",
                "content/workbook.yml:5:38: error: no prompt has the tag 'playy'\n    hint: did you mean 'play'?",
                "content/workbook.yml:6:20: error: no prompt has the tag 'shme'\n    hint: did you mean 'shame'?",
                "content/workbook.yml:7:60: error: unknown exercise 'tow'\n    hint: did you mean 'two'?"),
                errors("""
                        selection:
                          prompts: [aa, a]
                          include: {kinds: [journal], tags: [playy]}
                          exclude: {tags: [shme]}
                          custom: [{id: mine, text: Mine, kind: journal, exercise: tow}]
                        """));
    }

    @Test
    void aPlanTakesPromptsInTurnFromEachExerciseAndIsTheSameEveryTime() throws IOException {
        String yaml = "selection: {prompts: [a, b, c, f, g]}\nplan: {days: 7, start: 2026-12-01}\n";
        Workbook wb = select(yaml);
        assertEquals(List.of("a", "f", "b", "g", "c", "a", "f"),
                wb.plan().stream().map(d -> d.prompt().prompt().id()).toList(), "one from each exercise in turn, then around again");
        assertEquals("Tuesday 1 December 2026", wb.plan().get(0).date());
        assertEquals("Monday 7 December 2026", wb.plan().get(6).date());
        assertEquals("day-3", wb.plan().get(2).prompt().fieldId());
        assertEquals("two", wb.plan().get(1).fromId());
        assertEquals(wb.plan(), select(yaml).plan(), "the same input gives the same plan");
        assertEquals("", select("plan: {days: 2}\n").plan().get(0).date(), "no start date: undated days");
    }

    @Test
    void aSelectionThatMatchesNothingIsAnErrorAndDuplicatesAreWarnings() throws IOException {
        assertEquals(List.of("content/workbook.yml:4:3: error: the selection matches no prompt\n"
                + "    hint: check the ids, tags, kinds and intensities under 'selection:', or run 'hearth prompts' to see the library"),
                errors("selection:\n  include: {tags: [body], kinds: [letter]}\n"));
        Diagnostics d = new Diagnostics();
        Files.writeString(dir.resolve("content/workbook.yml"), HEAD + "selection: {prompts: [a, b, a]}\n");
        new Hearth(dir).prepare(new BuildRequest(dir.resolve("content"), null, dir.resolve("out")), d);
        assertEquals(List.of("content/exercises/one.md:8:14: warning: exercise 'one' is marked gentle but its selected prompt 'b' is deep\n"
                + "    hint: set 'intensity: deep' in its front matter, or leave the prompt out of the selection",
                "content/workbook.yml:3:29: warning: prompt 'a' is chosen twice (first at content/workbook.yml:3:23)\n"
                + "    hint: remove the second mention"),
                d.list().stream().map(Diagnostic::format).toList());
    }

    @Test
    void anExerciseLabelledLowerThanItsDeepestSelectedPromptIsAPositionedWarning() throws IOException {
        Diagnostics d = new Diagnostics();
        Files.writeString(dir.resolve("content/workbook.yml"), HEAD + "selection: {prompts: [a, c, e, f, g]}\n");
        new Hearth(dir).prepare(new BuildRequest(dir.resolve("content"), null, dir.resolve("out")), d);
        assertEquals(List.of(
                "content/exercises/one.md:8:17: warning: exercise 'one' is marked gentle but its selected prompt 'c' is moderate\n"
                + "    hint: set 'intensity: moderate' in its front matter, or leave the prompt out of the selection",
                "content/exercises/two.md:8:11: warning: exercise 'two' is marked gentle but its selected prompt 'f' is deep\n"
                + "    hint: set 'intensity: deep' in its front matter, or leave the prompt out of the selection"),
                d.list().stream().map(Diagnostic::format).toList());
        Diagnostics none = new Diagnostics();
        Files.writeString(dir.resolve("content/workbook.yml"), HEAD + "selection: {prompts: [a, d, g]}\n");
        new Hearth(dir).prepare(new BuildRequest(dir.resolve("content"), null, dir.resolve("out")), none);
        assertEquals(List.of(), none.list(), "prompts no deeper than their exercise");
    }
}
