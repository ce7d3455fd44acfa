package org.hearth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Block;
import org.hearth.model.Entry;
import org.hearth.model.PlacedPrompt;
import org.hearth.model.Workbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The default workbook reads at grade 6 or below: the Flesch-Kincaid grade of everything a client
 * sees (titles, summaries, bodies without facilitator notes, prompts, items, labels, self-check rows).
 */
class ReadingGradeTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'\u2019-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=[\\s\u201d\u2019)]|$)");

    @Test
    void clientVisibleTextReadsAtGradeSixOrBelow() {
        Workbook wb = new Hearth(ROOT).prepare(new BuildRequest(ROOT.resolve("content"), ROOT.resolve("templates"),
                ROOT.resolve("output")), new Diagnostics());
        Grade g = grade(clientText(wb));
        System.out.printf(Locale.ROOT, "Flesch-Kincaid grade of the default workbook: %.1f (%d words, %d sentences, %d syllables)%n",
                g.grade(), g.words(), g.sentences(), g.syllables());
        assertTrue(g.words() > 5000, "too little text measured: " + g.words());
        assertTrue(g.grade() <= 6.0, "reading grade " + g.grade());
    }

    @Test
    void theFormulaMatchesKnownValues() {
        // One sentence of one-syllable words: 0.39 * 6 + 11.8 * 1 - 15.59 = -1.45.
        assertTrue(Math.abs(grade(List.of("The cat sat on the mat.")).grade() + 1.45) < 0.01);
        assertEquals(3, syllables("beautiful"));
        assertEquals(1, syllables("make"));
        assertEquals(2, syllables("little"));
        assertEquals(1, syllables("you're"));
        assertEquals(4, syllables("remembering"));
    }

    private static void assertEquals(int expected, int actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }

    /** Each piece is one paragraph, heading, list item or line: its end closes a sentence. */
    static List<String> clientText(Workbook wb) {
        List<String> pieces = new ArrayList<>();
        for (Entry e : wb.entries()) {
            pieces.add(e.title());
            pieces.add(e.summary());
            for (Block b : e.blocks()) {
                switch (b) {
                    case Block.Html h -> {
                        for (Element el : Jsoup.parseBodyFragment(h.html()).select("p, li, h1, h2, h3, h4, td, th")) {
                            if (el.select("p, li").size() == (el.is("p, li") ? 1 : 0)) {
                                pieces.add(el.text());
                            }
                        }
                    }
                    case Block.Space s -> pieces.add(s.label());
                    case Block.Tracker t -> {
                        pieces.add(t.label());
                        pieces.addAll(t.rows());
                    }
                    default -> {
                    }
                }
            }
            for (PlacedPrompt p : e.prompts()) {
                pieces.add(p.prompt().text());
                pieces.addAll(p.prompt().items());
                pieces.add(p.prompt().starter());
            }
        }
        return pieces.stream().filter(s -> !s.isBlank()).toList();
    }

    record Grade(double grade, int words, int sentences, int syllables) {
    }

    /** Flesch-Kincaid grade level: 0.39 words per sentence + 11.8 syllables per word - 15.59. */
    static Grade grade(List<String> pieces) {
        int words = 0;
        int sentences = 0;
        int syllables = 0;
        for (String piece : pieces) {
            Matcher w = WORD.matcher(piece);
            int here = 0;
            while (w.find()) {
                here++;
                syllables += syllables(w.group());
            }
            if (here == 0) {
                continue;
            }
            words += here;
            Matcher s = SENTENCE_END.matcher(piece.trim());
            int ends = 0;
            while (s.find()) {
                ends++;
            }
            String t = piece.trim();
            boolean closed = t.matches(".*[.!?][\u201d\u2019)]?$");
            sentences += ends + (closed ? 0 : 1);
        }
        double grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        return new Grade(grade, words, sentences, syllables);
    }

    /** Vowel groups, less a silent final e (but not -le), at least one: the usual English estimate. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int apostrophe = w.indexOf('\'');
        if (apostrophe > 0) {
            w = w.substring(0, apostrophe) + (w.endsWith("n't") ? "nt" : "");
        }
        w = w.replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 0;
        }
        int count = 0;
        boolean inVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
            if (vowel && !inVowel) {
                count++;
            }
            inVowel = vowel;
        }
        if (w.endsWith("e") && !w.endsWith("le") && !w.endsWith("ee") && count > 1) {
            count--;
        }
        if (w.endsWith("ed") && w.length() > 3 && "dt".indexOf(w.charAt(w.length() - 3)) < 0 && count > 1) {
            count--;
        }
        return Math.max(1, count);
    }
}
