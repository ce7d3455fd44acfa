package org.hearth.answers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hearth build --answers}: the keepsake PDF, read back with PDFBox. */
class KeepsakeTest {

    @TempDir
    Path out;

    static final List<String> ANSWERS = List.of("My first note.", "Tired, then calmer after lunch.", "Ζεστασιά — тепло — café crème, naïve façade.",
            "A second line after a break.", "It felt strange, then kind.", "You did your best with what you had.",
            "A lake, a dog, the smell of rain.");

    static List<String> pages(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true); // a run in the sans (Greek, Cyrillic) is drawn after its line's serif text
            for (int i = 1; i <= doc.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                pages.add(s.getText(doc).replaceAll("\\s+", " "));
            }
            return pages;
        }
    }

    static int pageOf(List<String> pages, String text) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** Asserts that {@code words} occur in {@code text} in this order (other text, such as running heads, may come between). */
    static void assertInOrder(String text, List<String> words) {
        int at = 0;
        for (String w : words) {
            int found = text.indexOf(w, at);
            assertTrue(found >= 0, "“" + w + "” is missing after position " + at);
            at = found + w.length();
        }
    }

    @Test
    void everyAnswerIsPrintedInPlaceInOrderDatedAndTheMetadataHoldsNoneOfThem() throws IOException {
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.toString(),
                "--answers", AnswersFiles.root().resolve("answers.json").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("1 answer is not for questions of this selection and is left out: gone--old-prompt"), r.err());
        for (String a : ANSWERS) {
            assertFalse(r.out().contains(a) || r.err().contains(a), "no answer text in the build's messages");
        }
        Path pdf = out.resolve(AnswersOptions.KEEPSAKE);
        assertTrue(Files.exists(pdf));
        assertFalse(Files.exists(out.resolve("site")), "answers never enter the site build");
        List<String> pages = pages(pdf);
        String all = String.join(" ", pages);
        assertInOrder(all, ANSWERS);
        // The Date line, the checklist's Other line, the exercise's Notes and a Notes page carry what was written on them.
        assertInOrder(all, List.of("Date: Tuesday 3 May", "Which of these helped?", "Other: Reading in bed",
                "Notes Come back to this after the weekend.", "Notes On the back pages: a list of kind words."));
        assertTrue(pages.get(0).contains("In my own words") && pages.get(0).contains("Answers exported December 2, 2026"), pages.get(0));
        assertTrue(all.contains("Written December 1, 2026"), "each answer's date is shown");
        // On the right pages: each answer starts on the page of its prompt (or the next, when the prompt ends a page).
        for (String[] pair : new String[][] {{"What did you feel today?", "Tired, then calmer"}, {"I am allowed to rest.", "It felt strange"},
                {"Write to the child you were.", "You did your best"}, {"Draw the place where you feel safe.", "A lake, a dog"}}) {
            int prompt = pageOf(pages, pair[0]);
            int answer = pageOf(pages, pair[1]);
            assertTrue(prompt >= 0 && (answer == prompt || answer == prompt + 1), pair[0] + " on page " + prompt + ", its answer on " + answer);
        }
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            PDDocumentInformation info = doc.getDocumentInformation();
            String meta = String.join("\n", String.valueOf(info.getTitle()), String.valueOf(info.getSubject()), String.valueOf(info.getKeywords()),
                    String.valueOf(info.getAuthor()), String.valueOf(info.getCreator()), String.valueOf(info.getProducer()));
            if (doc.getDocumentCatalog().getMetadata() != null) {
                meta += new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            }
            for (String a : ANSWERS) {
                for (String word : a.split("[ ,.—]+")) {
                    if (word.length() > 4) {
                        assertFalse(meta.contains(word), "the metadata holds “" + word + "” from an answer");
                    }
                }
            }
        }
    }

    @Test
    void aThousandWordAnswerContinuesOnAddedLinesAndAnsweredOnlyLeavesOutTheRestOnEveryPageSize(@TempDir Path dir) throws IOException {
        List<String> words = longAnswer();
        Path file = dir.resolve("long.json");
        Files.writeString(file, """
                {"format": "hearth-answers", "version": 1, "workbook": {"id": "a-small-book", "title": "A Small Book"},
                 "exportedAt": "2026-12-02T14:02:11.000Z",
                 "answers": {"first--notice-one": {"value": "%s", "updatedAt": "2026-12-01T09:12:00.000Z"},
                             "first--check-one-0": {"value": true, "updatedAt": "2026-12-01T09:12:00.000Z"}}}
                """.formatted(String.join(" ", words)), StandardCharsets.UTF_8);
        for (String size : List.of("A4", "A5", "6x9")) {
            Path o = out.resolve(size);
            AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", o.toString(),
                    "--answers", file.toString(), "--answered-only", "--page-size", size, "--edition",
                    size.equals("A5") ? "facilitator" : "client", size.equals("6x9") ? "-q" : "--booklet"); // 6x9 has no booklet
            assertEquals(0, r.code(), r.err());
            List<String> pages = pages(o.resolve(AnswersOptions.KEEPSAKE));
            String all = String.join(" ", pages);
            assertInOrder(all, words);
            assertTrue(pageOf(pages, words.get(999)) > pageOf(pages, words.get(0)), "a long answer runs on over the next pages");
            assertTrue(all.contains("Which of these helped?"), "an answered checklist stays");
            assertFalse(all.contains("I am allowed to rest."), "--answered-only leaves out unanswered prompts");
            assertFalse(all.contains("A first note"), "--answered-only leaves out unanswered writing spaces");
            assertEquals(size.equals("A5"), all.contains("Only facilitators see this."), "either edition");
            if (!size.equals("6x9")) {
                assertInOrder(String.join(" ", pages(o.resolve(AnswersOptions.KEEPSAKE_BOOKLET))), words.subList(0, 50));
            }
        }
    }

    @Test
    void answeredOnlyLeavesOutTheHeadingAndDateLineOfEntriesWithNoAnswer(@TempDir Path dir) throws IOException {
        // The README's example answers one exercise of the default workbook; the other exercises keep their
        // text but lose "Your prompts" and an empty "Date:" line, which would ask for writing in a keepsake.
        Path project = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", project.resolve("content").toString(), "--out", dir.toString(),
                "--language", "en", "--answers", project.resolve("src/docs/examples/my-answers.json").toString(), "--answered-only", "-q");
        assertEquals(0, r.code(), r.err());
        String all = String.join(" ", pages(dir.resolve(AnswersOptions.KEEPSAKE)));
        assertEquals(1, all.split("Your prompts", -1).length - 1, "one answered exercise, one \"Your prompts\"");
        assertEquals(1, all.split("Date:", -1).length - 1, "only the answered exercise's date");
        assertTrue(all.contains("Remember the good"), "unanswered exercises keep their text");
    }

    @Test
    void theWrittenDateSitsOnItsRuleAsAnAnswerSitsOnItsWritingRule() throws IOException {
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.toString(),
                "--answers", AnswersFiles.root().resolve("answers.json").toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(out.resolve(AnswersOptions.KEEPSAKE).toFile())) {
            float date = KeepsakeGeometry.gapToRuleBelow(doc, "Tuesday 3 May");
            float answer = KeepsakeGeometry.gapToRuleBelow(doc, "It felt strange, then kind.");
            assertTrue(answer >= 0 && answer < 6, "an answer's baseline is just above its rule: " + answer + " pt");
            assertEquals(answer, date, 1, "the written date stands on the Date rule as an answer on its rule (baseline to rule, pt)");
        }
    }

    @Test
    void aLongAnswerInCapitalsEndsEveryLineOnItsRule() throws IOException {
        // Capitals and wide letters are where a measure taken from the font's advance widths runs
        // out first (a prepress review found a typed line 1.6 pt past its rule's end).
        String caps = "WITH THE WIND IN THE TREES I WROTE ABOUT THE AFTERNOON WE SPENT WAITING, AND HOW I KEPT MY HANDS STILL; "
                .repeat(5) + "WWW MMM WAVY TALL TEAPOTS. ";
        Path answers = out.resolve("caps.json");
        Files.createDirectories(out);
        Files.writeString(answers, Files.readString(AnswersFiles.root().resolve("answers.json"), StandardCharsets.UTF_8)
                .replace("You did your best with what you had.", caps), StandardCharsets.UTF_8);
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--out", out.resolve("o").toString(),
                "--answers", answers.toString());
        assertEquals(0, r.code(), r.err());
        try (PDDocument doc = Loader.loadPDF(out.resolve("o").resolve(AnswersOptions.KEEPSAKE).toFile())) {
            assertTrue(String.join(" ", new org.apache.pdfbox.text.PDFTextStripper().getText(doc).split("\\s+")).contains("WAVY TALL"),
                    "the long answer is in the keepsake");
            float over = KeepsakeGeometry.overhang(doc);
            assertTrue(over <= 0, "a written line runs " + over + " pt past the end of its rule");
        }
    }

    /** A theme whose print templates have no Date line (the {@code dateLine} option turned off), in {@code dir}. */
    static Path themeWithoutDateLine(Path dir) throws IOException {
        Path root = Path.of(System.getProperty("hearth.project.root", "."));
        String primitives = Files.readString(root.resolve("templates/pdf/primitives.ftlx"), StandardCharsets.UTF_8);
        assertTrue(primitives.contains("<#assign dateLine = true>"), "the theme option is where README says");
        Files.createDirectories(dir.resolve("pdf"));
        Files.writeString(dir.resolve("pdf/primitives.ftlx"), primitives.replace("<#assign dateLine = true>", "<#assign dateLine = false>"),
                StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void aDateThePersonWroteIsPrintedEvenWhenTheThemeHasNoDateLine(@TempDir Path dir) throws IOException {
        Path theme = themeWithoutDateLine(dir.resolve("theme"));
        AnswersFiles.Run r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--templates", theme.toString(),
                "--out", out.toString(), "--answers", AnswersFiles.root().resolve("answers.json").toString());
        assertEquals(0, r.code(), r.err());
        String all = String.join(" ", pages(out.resolve(AnswersOptions.KEEPSAKE)));
        assertInOrder(all, List.of("Your prompts", "Date: Tuesday 3 May", "What did you feel today?"));

        // Without a written date, the theme's choice stands: no empty Date line.
        Path file = dir.resolve("undated.json");
        Files.writeString(file, """
                {"format": "hearth-answers", "version": 1, "workbook": {"id": "a-small-book", "title": "A Small Book"},
                 "exportedAt": "2026-12-02T14:02:11.000Z",
                 "answers": {"first--notice-one": {"value": "Calm.", "updatedAt": "2026-12-01T09:12:00.000Z"}}}
                """, StandardCharsets.UTF_8);
        Path plain = dir.resolve("undated");
        r = AnswersFiles.hearth("build", "--content", AnswersFiles.content().toString(), "--templates", theme.toString(),
                "--out", plain.toString(), "--answers", file.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(String.join(" ", pages(plain.resolve(AnswersOptions.KEEPSAKE))).contains("Date:"), "no Date line without a date");
    }

    /** A thousand words of accented Latin, Greek and Cyrillic. */
    static List<String> longAnswer() {
        String[] pool = {"café", "naïve", "Ζεστασιά", "тепло", "søster", "Grüße", "ήλιος", "дом", "façade", "żółw", "quiet", "morning"};
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            words.add(pool[i % pool.length] + i);
        }
        return words;
    }
}
