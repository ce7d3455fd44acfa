package org.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
import org.hearth.model.Edition;
import org.hearth.model.Intensity;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.Prompt;
import org.hearth.model.PromptKind;
import org.hearth.model.Section;
import org.hearth.model.Resource;
import org.hearth.model.Workbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default inner-child workbook is complete: every practice, sign, example and safety element is
 * there, ids are unique and every reference resolves (the loader fails on those), and every
 * exercise offers enough prompts.
 */
class ContentCompletenessTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    /** The line of care the theme prints under every deep prompt, in both outputs. */
    static final String CONTAINMENT = "Just a few words is fine. If this starts to feel like too much, stop and ground yourself.";
    static Workbook workbook;
    static Diagnostics diagnostics = new Diagnostics();
    static Content content;
    static Path out;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void load() throws IOException {
        content = new ContentLoader(new YamlReader(), new PathNames(ROOT)).load(ROOT.resolve("content"), new Diagnostics());
        out = tmp.resolve("output");
        BuildRequest request = new BuildRequest(ROOT.resolve("content"), ROOT.resolve("templates"), out);
        workbook = new Hearth(ROOT).prepare(request, diagnostics);
        new Hearth(ROOT).build(request);
    }

    @Test
    void everySitePromptShowsItsIntensityAndDeepOnesTheContainmentLine() throws IOException {
        List<String> problems = new ArrayList<>();
        int deep = 0;
        for (Entry e : workbook.entries()) {
            Document page = Jsoup.parse(out.resolve("site").resolve(e.id() + ".html").toFile(), "UTF-8");
            for (PlacedPrompt p : e.prompts()) {
                Element el = page.getElementById(p.fieldId());
                if (el == null) {
                    problems.add(p.fieldId() + " is not on " + e.id() + ".html");
                    continue;
                }
                Intensity level = p.prompt().intensity();
                Element marker = el.selectFirst(".prompt-text .level");
                if (marker == null || !marker.text().equals("Intensity: " + capitalised(level))) {
                    problems.add(p.fieldId() + " has no readable marker '" + capitalised(level) + "': " + marker);
                }
                List<String> care = el.select(".prompt-care").eachText();
                if (level == Intensity.DEEP) {
                    deep++;
                }
                if (!care.equals(level == Intensity.DEEP ? List.of(CONTAINMENT) : List.of())) {
                    problems.add(p.fieldId() + " (" + level.label() + ") has containment lines " + care);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(deep > 0, "the default selection shows no deep prompt, so nothing was checked");
    }

    @Test
    void everyPdfPromptShowsItsIntensityAndDeepOnesTheContainmentLine() throws IOException {
        String text;
        try (PDDocument pdf = Loader.loadPDF(out.resolve("workbook.pdf").toFile())) {
            text = normalise(new PDFTextStripper().getText(pdf));
        }
        List<String> problems = new ArrayList<>();
        int deep = 0;
        int at = 0;
        for (Entry e : workbook.entries()) {
            for (PlacedPrompt p : e.prompts()) {
                String prompt = normalise(p.prompt().text());
                int found = text.indexOf(prompt, at);
                if (found < 0) {
                    problems.add(p.fieldId() + " not found in the PDF");
                    continue;
                }
                at = found + prompt.length();
                Intensity level = p.prompt().intensity();
                String after = text.substring(at, Math.min(text.length(), at + 200));
                if (!after.startsWith(" " + capitalised(level))) {
                    problems.add(p.fieldId() + " is not followed by its marker '" + capitalised(level) + "': " + after.substring(0, 30));
                }
                boolean hasCare = after.startsWith(" " + capitalised(level) + " " + CONTAINMENT);
                if (level == Intensity.DEEP) {
                    deep++;
                }
                if (hasCare != (level == Intensity.DEEP)) {
                    problems.add(p.fieldId() + " (" + level.label() + ") containment line " + (hasCare ? "present" : "missing"));
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(deep, count(text, CONTAINMENT), "containment lines in the PDF");
    }

    @Test
    void noExerciseIsLabelledGentlerThanItsDeepestSelectedPrompt() {
        List<String> problems = new ArrayList<>();
        for (Entry e : workbook.entries()) {
            for (PlacedPrompt p : e.prompts()) {
                if (e.exercise() && p.prompt().intensity().compareTo(Intensity.byLabel().get(e.intensity())) > 0) {
                    problems.add(e.id() + " is " + e.intensity() + " but shows " + p.prompt().id() + " (" + p.prompt().intensity().label() + ")");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void promptsTheNotesHoldBackEarlyAreMarkedAndLeftOutOfTheDefaultClientSelection() {
        assertEquals(Edition.CLIENT, workbook.book().edition());
        List<String> problems = new ArrayList<>();
        for (PlacedPrompt p : workbook.allPrompts()) {
            if (p.prompt().holdBackEarly()) {
                problems.add(p.prompt().id() + " is held back early but chosen");
            }
        }
        for (SourceDocument doc : content.documents()) {
            if (doc.kind() != DocumentKind.EXERCISE) {
                continue;
            }
            boolean offersHeldBack = doc.meta().prompts().stream().anyMatch(r -> content.prompts().get(r.id()).holdBackEarly());
            boolean notesSay = facilitatorNotes(doc.id()).toLowerCase(Locale.ROOT).contains("hold back");
            if (offersHeldBack != notesSay) {
                problems.add(doc.id() + (notesSay ? "'s note says to hold a prompt back but none is marked hold_back_early"
                        : " offers a hold_back_early prompt its facilitator note does not mention"));
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(content.prompts().values().stream().anyMatch(Prompt::holdBackEarly), "no prompt is marked hold_back_early");
    }

    @Test
    void everyResourceHasARegionAndARecentVerifiedDate() {
        List<String> problems = new ArrayList<>();
        for (Resource r : workbook.resources()) {
            if (r.region().isBlank() || r.verified() == null) {
                problems.add(r.name() + " lacks a region or a verified date");
            } else if (r.verified().isAfter(LocalDate.now()) || r.verified().isBefore(LocalDate.now().minusMonths(12))) {
                problems.add(r.name() + " verified " + r.verified());
            }
        }
        assertEquals(List.of(), problems);
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

    private static String facilitatorNotes(String id) {
        return workbook.entries().stream().filter(e -> e.id().equals(id)).flatMap(e -> e.blocks().stream())
                .filter(b -> b instanceof Block.Facilitator).map(b -> ((Block.Facilitator) b).html()).collect(Collectors.joining());
    }

    private static String capitalised(Intensity i) {
        return i.label().substring(0, 1).toUpperCase(Locale.ROOT) + i.label().substring(1);
    }

    /** Text as PDFBox gives it, comparable with the model: ligatures and line breaks undone. */
    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
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
