package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.model.PageSize;
import org.hearth.testing.Golden;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The PDF, checked by parsing it: structure, page numbers, outline, paper, metadata, reproducibility. */
class PdfWorkbookTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final Instant PINNED = Instant.ofEpochSecond(1_700_000_000L);
    static Path tmp;
    static byte[] book;

    @BeforeAll
    static void buildDefaultWorkbook() throws IOException {
        tmp = Files.createTempDirectory("hearth-pdf-test");
        book = build(ROOT.resolve("content"), "default", null);
    }

    static byte[] build(Path content, String name, PageSize size) throws IOException {
        Path out = tmp.resolve(name);
        new Hearth(ROOT).build(new BuildRequest(content, ROOT.resolve("templates"), out, false, true,
                new PrintOptions(size, false, false, false), org.hearth.Overrides.NONE, PINNED));
        return Files.readAllBytes(out.resolve("workbook.pdf"));
    }

    @Test
    void defaultWorkbookHasASensibleLengthAndMetadata() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(book)) {
            // 13.5 pt type on A4, letters on pages of their own, four Notes pages and the imprint make it longer than it was.
            assertTrue(pdf.getNumberOfPages() >= 50 && pdf.getNumberOfPages() <= 130, "pages: " + pdf.getNumberOfPages());
            PDDocumentInformation info = pdf.getDocumentInformation();
            assertEquals("Coming Home to Yourself", info.getTitle());
            assertEquals("The Hearth project", info.getAuthor());
            assertEquals("An inner-child workbook", info.getSubject());
            assertFalse(info.getKeywords().isBlank());
            assertEquals("en", pdf.getDocumentCatalog().getLanguage());
            assertEquals(PINNED.toEpochMilli(), info.getCreationDate().getTimeInMillis());
        }
    }

    @Test
    void contentsPageNumbersAreThePrintedFoliosAndTheOutlineMatchesTheContents() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(book)) {
            List<String[]> toc = contents(pdf);
            assertTrue(toc.size() > 15, "contents has only " + toc.size() + " lines");
            List<PDOutlineItem> outline = new ArrayList<>();
            flatten(pdf.getDocumentCatalog().getDocumentOutline(), outline);
            // Front matter is in the outline but not in the contents.
            outline.removeIf(item -> item.getTitle().equals("Contents") || item.getTitle().startsWith("Before you start"));
            assertEquals(toc.stream().map(t -> t[0]).toList(), outline.stream().map(PDOutlineItem::getTitle).toList(),
                    "outline entries equal contents entries");
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < toc.size(); i++) {
                PDOutlineItem item = outline.get(i);
                int index = ((PDPageDestination) item.getDestination()).retrievePageNumber();
                String text = pageText(pdf, index);
                if (!folio(text).equals(toc.get(i)[1])) {
                    problems.add(item.getTitle() + ": contents say " + toc.get(i)[1] + ", its page prints " + folio(text));
                }
                if (!normalise(text).contains(normalise(item.getTitle()))) {
                    problems.add(item.getTitle() + ": not on the page the outline points to");
                }
            }
            assertEquals(List.of(), problems);
        }
    }

    /** The outline depth-first: parts, then their entries. */
    private static void flatten(PDOutlineNode node, List<PDOutlineItem> into) {
        for (PDOutlineItem item : node.children()) {
            into.add(item);
            flatten(item, into);
        }
    }

    @ParameterizedTest
    @EnumSource(PageSize.class)
    void everyPaperSizeIsSetExactly(PageSize size) throws IOException {
        byte[] bytes = build(Golden.fixtures().resolve("basic/content"), "size-" + size, size);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDRectangle box = pdf.getPage(0).getMediaBox();
            assertEquals(size.widthMm() / 25.4 * 72, box.getWidth(), 1.0, "width of " + size);
            assertEquals(size.heightMm() / 25.4 * 72, box.getHeight(), 1.0, "height of " + size);
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                assertEquals(box.getWidth(), pdf.getPage(i).getMediaBox().getWidth(), 0.01);
            }
        }
    }

    @Test
    void everyEntryAndPartIsANamedDestination() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(book)) {
            var names = pdf.getDocumentCatalog().getNames().getDests().getNames();
            for (String id : List.of("contents", "part-begin", "safety", "acknowledge", "signs-of-healing", "about", "notes")) {
                assertTrue(names.containsKey(id), "no named destination '" + id + "' in " + names.keySet());
            }
        }
    }

    @Test
    void rightHandOptionOpensEveryExerciseOnARightHandPage() throws IOException {
        Path out = tmp.resolve("right-hand");
        new Hearth(ROOT).build(new BuildRequest(ROOT.resolve("content"), ROOT.resolve("templates"), out, false, true,
                new PrintOptions(null, false, false, true), org.hearth.Overrides.NONE, PINNED));
        try (PDDocument pdf = Loader.loadPDF(out.resolve("workbook.pdf").toFile())) {
            List<PDOutlineItem> outline = new ArrayList<>();
            flatten(pdf.getDocumentCatalog().getDocumentOutline(), outline);
            List<String> leftHand = new ArrayList<>();
            int exercises = 0;
            for (PDOutlineItem item : outline) {
                int index = ((PDPageDestination) item.getDestination()).retrievePageNumber();
                String text = pageText(pdf, index);
                if (!text.contains("Intensity:")) {
                    continue; // only exercises show their intensity under the title
                }
                exercises++;
                // Page index 0 is the cover, a right-hand page; right-hand pages have even indexes and odd folios.
                if (index % 2 != 0 || Integer.parseInt(folio(text)) % 2 != 1) {
                    leftHand.add(item.getTitle() + " on page index " + index + ", folio " + folio(text));
                }
            }
            assertTrue(exercises >= 13, "exercises found: " + exercises);
            assertEquals(List.of(), leftHand);
        }
    }

    @Test
    void sameInputAndTimeGiveTheSameBytes() throws IOException {
        byte[] again = build(ROOT.resolve("content"), "again", null);
        assertArrayEquals(book, again, "two builds with SOURCE_DATE_EPOCH set must be byte-identical");
    }

    @Test
    void everyExerciseStartsOnANewPage() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(book)) {
            PDFTextStripper stripper = new PDFTextStripper();
            int starts = 0;
            for (int i = 1; i <= pdf.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                String text = stripper.getText(pdf);
                if (text.contains("NINE PRACTICES\n")) {
                    starts++;
                }
            }
            assertEquals(9, starts, "each practice opens its own page with its part name above the title");
        }
    }

    /** Title and printed page number of each line of the contents page(s). */
    private static List<String[]> contents(PDDocument pdf) throws IOException {
        List<String[]> toc = new ArrayList<>();
        Pattern line = Pattern.compile("^(.+?)[ .]{3,}(\\d+)$");
        boolean started = false;
        for (int i = 0; i < 8; i++) {
            String text = pageText(pdf, i);
            // The contents starts on the page headed "Contents" and may run on over the next pages.
            boolean more = started && text.lines().anyMatch(l -> line.matcher(l.trim()).matches());
            if (!text.startsWith("Contents\n") && !more) {
                if (started) {
                    break;
                }
                continue;
            }
            started = true;
            for (String l : text.split("\\R")) {
                Matcher m = line.matcher(l.trim());
                if (m.matches()) {
                    toc.add(new String[] {m.group(1).trim(), m.group(2)});
                }
            }
        }
        return toc;
    }

    private static String pageText(PDDocument pdf, int index) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true); // top to bottom, so the running head is first and the folio last
        stripper.setStartPage(index + 1);
        stripper.setEndPage(index + 1);
        return stripper.getText(pdf).trim();
    }

    /** The folio is the last line printed on a page. */
    private static String folio(String pageText) {
        String[] lines = pageText.split("\\R");
        return lines[lines.length - 1].trim();
    }

    private static String normalise(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
