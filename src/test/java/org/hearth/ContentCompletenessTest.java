package org.hearth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.content.Content;
import org.hearth.content.ContentLoader;
import org.hearth.content.DocumentKind;
import org.hearth.content.SourceDocument;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Severity;
import org.hearth.model.Block;
import org.hearth.model.Entry;
import org.hearth.model.Edition;
import org.hearth.model.Intensity;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.Prompt;
import org.hearth.model.PromptKind;
import org.hearth.model.Section;
import org.hearth.model.Resource;
import org.hearth.model.Workbook;
import org.hearth.source.PathNames;
import org.hearth.source.YamlReader;
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
    static final String CONTAINMENT = "A few words are enough. If this starts to feel like too much, stop and ground yourself.";
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

    /**
     * A screen-reader user moving from field to field hears a field's name and description, not the
     * paragraph between the question and the field: the containment line of a deep prompt must be
     * the description of each of its answer fields, in every language's site.
     */
    @Test
    void deepPromptFieldsAreDescribedByTheContainmentLine() throws IOException {
        List<String> problems = new ArrayList<>();
        int fields = 0;
        for (Path site : List.of(out.resolve("site"), out.resolve("site/es"))) {
            for (Entry e : workbook.entries()) {
                Path file = site.resolve(e.id() + ".html");
                if (!java.nio.file.Files.exists(file)) {
                    continue;
                }
                Document page = Jsoup.parse(file.toFile(), "UTF-8");
                for (PlacedPrompt p : e.prompts()) {
                    Element el = page.getElementById(p.fieldId());
                    if (el == null || p.prompt().intensity() != Intensity.DEEP) {
                        continue;
                    }
                    Element care = el.selectFirst(".prompt-care");
                    String careId = care == null ? "" : care.id();
                    for (Element field : el.select("textarea, input[type=text], fieldset, [role=group]")) {
                        fields++;
                        List<String> described = List.of(field.attr("aria-describedby").split("\\s+"));
                        if (careId.isEmpty() || !described.contains(careId)) {
                            problems.add(site.getFileName() + "/" + e.id() + ".html " + p.fieldId() + " " + field.tagName()
                                    + " is not described by the containment line (aria-describedby=\"" + field.attr("aria-describedby") + "\")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(fields > 0, "no answer field of a deep prompt was found, so nothing was checked");
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
        assertEquals(List.of("begin", "steady", "understanding", "practices", "examples", "worksheets", "healing", "closing"),
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

    @Test
    void theSafetyPageSaysWhenTheOldestAndNewestResourceWereChecked() throws IOException {
        List<LocalDate> dates = workbook.resources().stream().map(Resource::verified).sorted().toList();
        String checked = Jsoup.parse(out.resolve("site/safety.html").toFile(), "UTF-8").select(".resources-checked").text();
        assertTrue(checked.startsWith("Details checked " + dates.get(0) + " to " + dates.get(dates.size() - 1) + "."), checked);
    }

    @Test
    void aStabilisationPathComesBeforeAnyDepth() {
        List<String> order = workbook.entries().stream().map(Entry::id).toList();
        for (String first : List.of("safety", "support-plan", "before-each-session", "calm-place", "container", "body-scan",
                "remember-good", "playful")) {
            for (String deep : List.of("letter", "meditate", "avoiding-conflict")) {
                assertTrue(order.indexOf(first) >= 0 && order.indexOf(first) < order.indexOf(deep), first + " must come before " + deep);
            }
        }
        assertTrue(order.indexOf("support-plan") < order.indexOf("acknowledge"), "the support plan is near the front");
        String session = html(entry("before-each-session"));
        for (String needed : List.of("0 to 10", "7 or more", "window of tolerance", "closing ritual")) {
            assertTrue(session.toLowerCase(Locale.ROOT).contains(needed), "the session page lacks '" + needed + "'");
        }
        String howTo = html(entry("how-to-use"));
        for (String needed : List.of("A suggested first route", "Gentle", "Moderate", "Deep", "for adults")) {
            assertTrue(howTo.contains(needed), "how-to page lacks '" + needed + "'");
        }
        List<String> unclosed = workbook.entries().stream().filter(e -> e.exercise() && e.intensity().equals("deep"))
                .filter(e -> !html(e).contains("before-each-session.html#before-each-session--a-closing-ritual"))
                .map(Entry::id).toList();
        assertEquals(List.of(), unclosed, "deep exercises that do not send the reader to the closing ritual");
    }

    @Test
    void peopleInDangerNowAreToldWhereToGo() {
        Document safety = Jsoup.parseBodyFragment(html(entry("safety")));
        List<String> headings = safety.select("h2").eachText();
        assertTrue(headings.contains("If someone is hurting you now"), headings.toString());
        assertTrue(headings.stream().anyMatch(h -> h.contains("suicide")), "self-harm has its own section: " + headings);
        Element pause = safety.select("h2").stream().filter(h -> h.text().startsWith("Signs it")).findFirst().orElseThrow();
        assertTrue(!pause.nextElementSibling().nextElementSibling().text().contains("hurt"),
                "urges to self-harm are not listed with ordinary signs to pause");
        String text = safety.text();
        assertTrue(text.contains("under 18") && text.contains("trust"), "under-18s are sent to a trusted adult");
        String names = workbook.resources().stream().map(Resource::name).collect(Collectors.joining("|"));
        for (String service : List.of("National Domestic Violence Hotline", "National Domestic Abuse Helpline", "Childline",
                "Childhelp", "NAPAC")) {
            assertTrue(names.contains(service), "no " + service + " in " + names);
        }
        for (String id : List.of("avoiding-conflict", "something-new")) {
            assertTrue(html(entry(id)).contains("safety.html#safety--if-someone-is-hurting-you-now"),
                    id + " encourages speaking up without a client-facing caution");
        }
    }

    @Test
    void theWorksheetsTheFieldExpectsAreThere() {
        for (String id : List.of("feelings-list", "needs-list", "thought-record", "body-scan", "support-plan")) {
            entry(id);
        }
        assertEquals("begin", entry("support-plan").partId());
        assertTrue(Jsoup.parse(html(entry("feelings-list"))).text().split(",").length >= 50, "the feelings list is short");
        assertTrue(entry("thought-record").blocks().stream().filter(b -> b instanceof Block.Space).count() >= 5);
        assertTrue(entry("support-plan").blocks().stream().filter(b -> b instanceof Block.Space).count() >= 4);
    }

    @Test
    void kindSentencesAreTheReadersOwnAndGoodMemoriesAreNotAssumed() {
        List<String> mirror = entry("mirror").prompts().stream().map(p -> p.prompt().id()).toList();
        assertTrue(mirror.contains("mir-own-words"), "the write-your-own kind sentence is chosen: " + mirror);
        List<String> fixed = workbook.allPrompts().stream().map(p -> p.prompt().text())
                .filter(t -> t.contains("always been good enough")).toList();
        assertEquals(List.of(), fixed);
        assertTrue(html(entry("remember-good")).contains("any age"), "kind moments from any time count");
        assertTrue(entry("remember-good").prompts().stream().anyMatch(p -> p.prompt().id().equals("good-mixed")));
    }

    @Test
    void theTherapyPageKeepsTheSourcesWeightAndNoUnsupportedClaims() {
        String therapy = html(entry("therapy"));
        assertTrue(therapy.contains("licensed clinical therapist"), "the source's advice for trauma, abuse or violence");
        assertTrue(therapy.contains("not an optional extra"), "therapy is part of the work, as the source says");
        List<String> claims = new ArrayList<>();
        for (Entry e : workbook.entries()) {
            String text = html(e).toLowerCase(Locale.ROOT);
            for (String claim : List.of("most people find", "many people find", "did their best with what they had")) {
                if (text.contains(claim)) {
                    claims.add(e.id() + ": " + claim);
                }
            }
        }
        assertEquals(List.of(), claims);
    }

    @Test
    void everySiteTextUsesTypographicQuotes() throws IOException {
        List<String> straight = new ArrayList<>();
        for (Entry e : workbook.entries()) {
            String text = Jsoup.parse(out.resolve("site").resolve(e.id() + ".html").toFile(), "UTF-8").select("main").text();
            if (text.contains("'") || text.contains("\"")) {
                straight.add(e.id());
            }
        }
        assertEquals(List.of(), straight, "pages with straight quotes");
    }

    @Test
    void theSelfCheckIsTheOnlyRatingOfTheFiveSignsAndNoPromptRepeatsAnother() {
        assertEquals(List.of(), content.documents().stream().filter(d -> d.id().equals("signs-of-healing"))
                .flatMap(d -> d.meta().prompts().stream()).filter(r -> content.prompts().get(r.id()).kind() == PromptKind.RATING)
                .map(r -> r.id()).toList(), "ratings beside the self-check");
        Map<String, String> texts = new LinkedHashMap<>();
        content.prompts().values().forEach(p -> texts.put(p.id(), p.text()));
        Block.Tracker check = entry("signs-of-healing").blocks().stream().filter(b -> b instanceof Block.Tracker)
                .map(b -> (Block.Tracker) b).findFirst().orElseThrow();
        check.rows().forEach(r -> texts.put("self-check row '" + r + "'", r));
        List<String> keys = new ArrayList<>(texts.keySet());
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                Set<String> a = contentWords(texts.get(keys.get(i)));
                Set<String> b = contentWords(texts.get(keys.get(j)));
                Set<String> both = new HashSet<>(a);
                both.retainAll(b);
                Set<String> either = new HashSet<>(a);
                either.addAll(b);
                double similarity = (double) both.size() / either.size();
                if (normalised(texts.get(keys.get(i))).equals(normalised(texts.get(keys.get(j)))) || similarity >= 0.4) {
                    problems.add(keys.get(i) + " ~ " + keys.get(j) + String.format(Locale.ROOT, " (%.2f)", similarity));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static final Set<String> STOP_WORDS = Set.of(("a an the and or of to in on at for with you your i my me it is are was be do "
            + "did what how who which that this these those as if so but not by from they them their there when where one can").split(" "));

    private static String normalised(String text) {
        return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[^a-z0-9']+", " ").trim();
    }

    private static Set<String> contentWords(String text) {
        Set<String> words = new HashSet<>(List.of(normalised(text).split(" ")));
        words.removeAll(STOP_WORDS);
        return words;
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
