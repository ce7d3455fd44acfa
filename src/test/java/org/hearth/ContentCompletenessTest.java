package org.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.config.PathNames;
import org.hearth.config.YamlReader;
import org.hearth.content.Content;
import org.hearth.content.ContentLoader;
import org.hearth.content.DocumentKind;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Severity;
import org.hearth.markdown.Block;
import org.hearth.model.Entry;
import org.hearth.model.Intensity;
import org.hearth.model.Prompt;
import org.hearth.model.PromptKind;
import org.hearth.model.Section;
import org.hearth.model.Workbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default inner-child workbook is complete: every practice, sign, example and safety element is
 * there, ids are unique and every reference resolves (the loader fails on those), and every
 * exercise offers enough prompts.
 */
class ContentCompletenessTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static Workbook workbook;
    static Diagnostics diagnostics = new Diagnostics();
    static Content content;

    @BeforeAll
    static void load() {
        content = new ContentLoader(new YamlReader(), new PathNames(ROOT)).load(ROOT.resolve("content"), new Diagnostics());
        workbook = new Hearth(ROOT).prepare(new BuildRequest(ROOT.resolve("content"), ROOT.resolve("templates"),
                ROOT.resolve("output")), diagnostics);
    }

    @Test
    void contentLoadsWithoutErrorsOrWarnings() {
        assertEquals(List.of(), diagnostics.list().stream().filter(d -> d.severity() == Severity.WARNING).map(Object::toString).toList());
    }

    @Test
    void partsAreInTheirPlannedOrder() {
        assertEquals(List.of("begin", "understanding", "practices", "examples", "healing", "closing"),
                workbook.sections().stream().map(Section::id).toList());
    }

    @Test
    void allNinePracticesArePresentOnceEach() {
        List<Entry> practices = section("practices").entries();
        assertEquals(9, practices.size(), titles(practices));
        String[] themes = {"acknowledge", "trigger", "journal", "mirror", "letter", "meditat", "good", "new", "play"};
        for (String theme : themes) {
            assertEquals(1, practices.stream().filter(e -> (e.id() + " " + e.title()).toLowerCase(Locale.ROOT).contains(theme)).count(),
                    "practice about '" + theme + "' in " + titles(practices));
        }
    }

    @Test
    void everyExerciseHasItsParts() {
        List<String> problems = new ArrayList<>();
        for (Entry e : section("practices").entries()) {
            String html = html(e);
            for (String needed : List.of("Why it helps", "How to do it", "callout-example", "callout-care", "<ol>")) {
                if (!html.contains(needed)) {
                    problems.add(e.id() + " lacks " + needed);
                }
            }
            if (e.blocks().stream().noneMatch(b -> b instanceof Block.Facilitator)) {
                problems.add(e.id() + " has no facilitator note");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyExerciseOffersAtLeastSixPromptsOfMoreThanOneKind() {
        List<String> problems = new ArrayList<>();
        for (SourceDocument doc : content.documents()) {
            if (doc.kind() != DocumentKind.EXERCISE) {
                continue;
            }
            Set<String> kinds = doc.meta().prompts().stream().map(r -> content.prompts().get(r.id()).kind().label())
                    .collect(Collectors.toSet());
            if (doc.meta().prompts().size() < 6 || kinds.size() < 2) {
                problems.add(doc.id() + " offers " + doc.meta().prompts().size() + " prompts of kinds " + kinds);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theLibraryIsLargeVariedAndFullyUsed() {
        assertTrue(content.prompts().size() >= 80, "only " + content.prompts().size() + " prompts");
        assertEquals(Set.of(PromptKind.values()), content.prompts().values().stream().map(Prompt::kind).collect(Collectors.toSet()));
        assertEquals(Set.of(Intensity.values()), content.prompts().values().stream().map(Prompt::intensity).collect(Collectors.toSet()));
        Set<String> offered = content.documents().stream().flatMap(d -> d.meta().prompts().stream()).map(r -> r.id())
                .collect(Collectors.toSet());
        Set<String> unused = new HashSet<>(content.prompts().keySet());
        unused.removeAll(offered);
        assertEquals(Set.of(), unused, "prompts no exercise offers");
    }

    @Test
    void twoWorkedExamples() {
        List<Entry> examples = section("examples").entries();
        assertEquals(2, examples.size(), titles(examples));
        String all = examples.stream().map(ContentCompletenessTest::html).collect(Collectors.joining()).toLowerCase(Locale.ROOT);
        assertTrue(all.contains("argu"), "the parents' arguments example");
        assertTrue(all.contains("message") || all.contains("text"), "the unanswered message example");
        examples.forEach(e -> assertTrue(e.prompts().size() >= 3, e.id() + " shows too few prompts"));
    }

    @Test
    void signsOfHealingIsARetakableSelfCheckOfFiveSigns() {
        Entry signs = entry("signs-of-healing");
        Block.Tracker tracker = signs.blocks().stream().filter(b -> b instanceof Block.Tracker).map(b -> (Block.Tracker) b)
                .findFirst().orElseThrow(() -> new AssertionError("no tracker block"));
        assertEquals(5, tracker.rows().size());
        assertTrue(tracker.columns().size() >= 3, "the check can be retaken: " + tracker.columns());
    }

    @Test
    void safetyComesFirstAndListsHelpInEveryRegion() {
        Entry first = workbook.entries().stream().filter(e -> e.id().equals("safety")).findFirst().orElseThrow();
        int safetyAt = workbook.entries().indexOf(first);
        int firstExercise = workbook.entries().indexOf(workbook.entries().stream().filter(Entry::exercise).findFirst().orElseThrow());
        assertTrue(safetyAt < firstExercise, "safety must come before any exercise");
        assertTrue(first.blocks().stream().anyMatch(b -> b instanceof Block.Resources), "safety page shows the resources");
        String regions = workbook.resources().stream().map(r -> r.region().toLowerCase(Locale.ROOT)).collect(Collectors.joining("|"));
        for (String region : List.of("united states", "united kingdom", "europe", "international")) {
            assertTrue(regions.contains(region), "no resource for " + region + ": " + regions);
        }
        String html = html(first).toLowerCase(Locale.ROOT);
        for (String topic : List.of("therapist", "pause", "ground", "breath")) {
            assertTrue(html.contains(topic), "safety page does not mention " + topic);
        }
    }

    @Test
    void aboutPageCreditsTheSource() {
        String html = html(entry("about"));
        for (String credit : List.of("How To Heal Your Inner Child", "Cleveland Clinic", "September 16, 2024", "Susan Albers")) {
            assertTrue(html.contains(credit), "about page lacks " + credit);
        }
        assertTrue(workbook.entries().get(workbook.entries().size() - 1).id().equals("about"), "about comes last");
        entry("closing-reflection");
    }

    private static Section section(String id) {
        return workbook.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Entry entry(String id) {
        return workbook.entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry '" + id + "'"));
    }

    private static String html(Entry e) {
        return e.blocks().stream().map(b -> b instanceof Block.Html h ? h.html() : b instanceof Block.Facilitator f ? f.html() : "")
                .collect(Collectors.joining());
    }

    private static String titles(List<Entry> entries) {
        return entries.stream().map(Entry::title).toList().toString();
    }

}
