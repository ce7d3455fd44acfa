package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.diag.Diagnostics;
import org.hearth.model.PdfStandard;
import org.hearth.model.Workbook;
import org.hearth.render.Templates;
import org.hearth.render.Theme;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Issue 15: each edition meets the standards it claims, as veraPDF sees it, and its structure tree
 * reads in the order of the source (headings, list items, table headers, form fields).
 */
class PdfStandardsTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final Instant PINNED = Instant.ofEpochSecond(1_700_000_000L);
    static Path tmp;
    static byte[] print;
    static byte[] fillable;
    static byte[] booklet;

    @BeforeAll
    static void buildTheDefaultWorkbook() throws IOException {
        tmp = Files.createTempDirectory("hearth-standards-test");
        print = build("print", new PrintOptions(null, false, false, false)).get("workbook.pdf");
        Map<String, byte[]> both = build("fillable", new PrintOptions(null, true, true, false));
        fillable = both.get("workbook.pdf");
        booklet = both.get(PdfRenderer.BOOKLET);
    }

    static Map<String, byte[]> build(String name, PrintOptions options) throws IOException {
        Path out = tmp.resolve(name);
        new Hearth(ROOT).build(new BuildRequest(ROOT.resolve("content"), ROOT.resolve("templates"), out, false, true,
                options, Overrides.NONE, PINNED));
        Map<String, byte[]> files = new HashMap<>();
        for (String f : List.of("workbook.pdf", PdfRenderer.BOOKLET, "workbook.es.pdf")) {
            if (Files.exists(out.resolve(f))) {
                files.put(f, Files.readAllBytes(out.resolve(f)));
            }
        }
        return files;
    }

    @Test
    void printEditionMeetsPdfUa1AndPdfA2a() {
        assertEquals(List.of(), VeraPdf.failures(print, PDFAFlavour.PDFUA_1));
        assertEquals(List.of(), VeraPdf.failures(print, PDFAFlavour.PDFA_2_A));
    }

    /** The Spanish edition too, whose English service names are Spans with their own /Lang (en). */
    @Test
    void spanishEditionMeetsPdfUa1AndPdfA2a() throws IOException {
        byte[] spanish = Files.readAllBytes(tmp.resolve("print/workbook.es.pdf"));
        assertEquals(List.of(), VeraPdf.failures(spanish, PDFAFlavour.PDFUA_1));
        assertEquals(List.of(), VeraPdf.failures(spanish, PDFAFlavour.PDFA_2_A));
    }

    @Test
    void fillableEditionMeetsPdfUa1AndPdfA2a() {
        assertEquals(List.of(), VeraPdf.failures(fillable, PDFAFlavour.PDFUA_1));
        assertEquals(List.of(), VeraPdf.failures(fillable, PDFAFlavour.PDFA_2_A));
    }

    @Test
    void bookletMeetsPdfA2uAndIsNotTagged() throws IOException {
        assertEquals(List.of(), VeraPdf.failures(booklet, PDFAFlavour.PDFA_2_U));
        try (PDDocument pdf = Loader.loadPDF(booklet)) {
            assertNull(pdf.getDocumentCatalog().getStructureTreeRoot(), "imposed pages have no reading order to tag");
            assertTrue(new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("<pdfaid:conformance>U</pdfaid:conformance>"));
        }
    }

    @Test
    void a2bIsArchivalButUntaggedAndNoneIsAsBefore() throws IOException {
        byte[] a2b = build("a2b", new PrintOptions(null, false, false, false, PdfStandard.A2B)).get("workbook.pdf");
        assertEquals(List.of(), VeraPdf.failures(a2b, PDFAFlavour.PDFA_2_B));
        try (PDDocument pdf = Loader.loadPDF(a2b)) {
            assertNull(pdf.getDocumentCatalog().getStructureTreeRoot());
            assertEquals(1.7f, pdf.getVersion(), 0.001f);
        }
        byte[] none = build("none", new PrintOptions(null, false, false, false, PdfStandard.NONE)).get("workbook.pdf");
        try (PDDocument pdf = Loader.loadPDF(none)) {
            assertNull(pdf.getDocumentCatalog().getMetadata(), "no standard, no XMP claim");
        }
        assertArrayEquals(a2b, build("a2b-again", new PrintOptions(null, false, false, false, PdfStandard.A2B)).get("workbook.pdf"),
                "PDF/A-2b rebuilds are byte-identical");
    }

    @Test
    void everyStandardRebuildsByteIdentically() throws IOException {
        assertArrayEquals(print, build("print-again", new PrintOptions(null, false, false, false)).get("workbook.pdf"));
        Map<String, byte[]> again = build("fillable-again", new PrintOptions(null, true, true, false));
        assertArrayEquals(fillable, again.get("workbook.pdf"));
        assertArrayEquals(booklet, again.get(PdfRenderer.BOOKLET));
    }

    @Test
    void structureTreeReadsInSourceOrder() throws IOException {
        for (boolean withFields : List.of(false, true)) {
            Element source = source(withFields);
            try (PDDocument pdf = Loader.loadPDF(withFields ? fillable : print)) {
                Reading reading = new Reading(pdf);
                PDStructureNode root = pdf.getDocumentCatalog().getStructureTreeRoot();
                reading.walk(root);

                List<String> headings = new ArrayList<>();
                for (Element h : source.select("h1, h2, h3, h4, h5, h6")) {
                    if (h.closest(".running") == null) {
                        headings.add(h.tagName().toUpperCase(java.util.Locale.ROOT) + " " + squash(h.text()));
                    }
                }
                assertEquals(headings, reading.of("H1", "H2", "H3", "H4", "H5", "H6"), "headings and their levels");

                List<String> items = source.select("li").stream().map(li -> "LBody " + squash(li.text())).toList();
                assertFalse(items.isEmpty());
                assertEquals(items, reading.of("LBody"), "list items");
                assertEquals(items.size(), reading.items.size());
                for (String item : reading.items) {
                    // Each item: its marker (a number, or a bullet drawn as a shape and read as its ActualText), then its body.
                    assertTrue(item.matches("Lbl \\S+ LBody"), item);
                }

                List<String> heads = source.select("th").stream().map(th -> "TH " + squash(th.text())).toList();
                assertFalse(heads.isEmpty());
                assertEquals(heads, reading.of("TH"), "table header cells");
                assertTrue(reading.scopes.stream().allMatch(s -> s.equals("Column") || s.equals("Row")), "every TH has a scope");
                // Data tables (those with header cells) are Tables; layout tables (rating scales, checklists) are not.
                long dataTables = source.select("table").stream().filter(t -> !t.select("th").isEmpty()).count();
                assertTrue(dataTables > 0 && source.select("table").size() > dataTables);
                assertEquals(dataTables, reading.tables.size(), "one Table per data table");
                assertTrue(reading.tables.stream().allMatch(n -> n > 0), "every Table has header cells");

                if (withFields) {
                    List<String> expected = new ArrayList<>();
                    // Every place the template marks for a field (a rule, box, tick box, rating circle, cell) gets one widget.
                    for (Element mark : source.select("[data-form]")) {
                        Element prompt = mark.closest(".prompt");
                        Element text = prompt == null ? null : prompt.selectFirst(".prompt-text");
                        expected.add(mark.attr("data-field") + (text == null ? "" : " " + squash(text.ownText())));
                    }
                    assertEquals(expected.size(), reading.fields.size(), "one Form element per widget");
                    List<String> actual = new ArrayList<>();
                    for (int i = 0; i < reading.fields.size(); i++) {
                        String[] field = reading.fields.get(i);
                        // The tooltip starts with the prompt the field answers (then the item or cell, if any).
                        String want = expected.get(i);
                        String name = want.contains(" ") ? want.substring(0, want.indexOf(' ')) : want;
                        String prompt = want.contains(" ") ? want.substring(want.indexOf(' ') + 1) : "";
                        actual.add(field[0].equals(name) && squash(field[1]).startsWith(prompt) && !field[1].isBlank()
                                ? want : field[0] + " " + field[1]);
                    }
                    assertEquals(expected, actual, "each widget's tooltip, in source order");
                }
            }
        }
    }

    /** The print template's XHTML for the default workbook: the source the PDF was drawn from. */
    private static Element source(boolean withFields) {
        Path content = ROOT.resolve("content");
        Workbook workbook = new Hearth(ROOT).prepare(new BuildRequest(content, null, ROOT.resolve("target/unused")), new Diagnostics());
        Theme theme = Theme.load(ROOT.resolve("templates"));
        // After copy-fitting, which adds ruled lines (and their fields) where a writing space ends its page.
        String xhtml = new PdfRenderer(new Templates(theme), theme).fittedXhtml(workbook, withFields, false);
        return Jsoup.parse(xhtml, "", Parser.xmlParser()).selectFirst("body");
    }

    private static String squash(String s) {
        // A cross-reference's "(page N)" is generated by print.css, not in the source: read it as the source
        // (the space before it is a plain one, dropped when the reference wraps to a new line).
        return s.replaceAll("[\\s\u00A0]?\\(page\u00A0[0-9ivxlc]+\\)", "").replaceAll("\\s+", "");
    }

    /** Walks the structure tree in order, collecting each element's text from its marked content. */
    private static final class Reading {
        final PDDocument pdf;
        final Map<PDPage, Map<Integer, String>> texts = new HashMap<>();
        final List<String> elements = new ArrayList<>();
        final List<String> scopes = new ArrayList<>();
        final List<String[]> fields = new ArrayList<>();
        /** Each LI's kids: the Lbl's text (or ActualText) and the kinds of the rest. */
        final List<String> items = new ArrayList<>();
        /** Each Table's count of TH cells. */
        final List<Integer> tables = new ArrayList<>();

        Reading(PDDocument pdf) {
            this.pdf = pdf;
        }

        List<String> of(String... roles) {
            List<String> wanted = List.of(roles);
            return elements.stream().filter(e -> wanted.contains(e.substring(0, e.indexOf(' ')))).toList();
        }

        void walk(PDStructureNode node) throws IOException {
            for (Object kid : node.getKids()) {
                if (kid instanceof PDStructureElement e) {
                    elements.add(e.getStructureType() + " " + squash(text(e)));
                    if (e.getStructureType().equals("LI")) {
                        StringBuilder kids = new StringBuilder();
                        for (Object k : e.getKids()) {
                            if (k instanceof PDStructureElement c) {
                                String label = c.getActualText() != null ? c.getActualText() : text(c);
                                kids.append(kids.isEmpty() ? "" : " ").append(c.getStructureType())
                                        .append(c.getStructureType().equals("Lbl") ? " " + squash(label) : "");
                            }
                        }
                        items.add(kids.toString());
                    }
                    if (e.getStructureType().equals("Table")) {
                        tables.add(count(e, "TH"));
                    }
                    if (e.getStructureType().equals("TH")) {
                        COSDictionary a = e.getCOSObject().getCOSDictionary(COSName.A);
                        scopes.add(a == null ? "" : a.getNameAsString(COSName.getPDFName("Scope")));
                    }
                    if (e.getStructureType().equals("Form")) {
                        for (Object k : e.getKids()) {
                            if (k instanceof PDObjectReference o && o.getReferencedObject() instanceof PDAnnotationWidget w) {
                                COSDictionary field = w.getCOSObject().containsKey(COSName.T) ? w.getCOSObject()
                                        : w.getCOSObject().getCOSDictionary(COSName.PARENT);
                                fields.add(new String[] {field.getString(COSName.T), field.getString(COSName.TU)});
                            }
                        }
                    }
                    walk(e);
                }
            }
        }

        static int count(PDStructureElement e, String role) {
            int n = 0;
            for (Object k : e.getKids()) {
                if (k instanceof PDStructureElement c) {
                    n += (c.getStructureType().equals(role) ? 1 : 0) + count(c, role);
                }
            }
            return n;
        }

        String text(PDStructureElement e) throws IOException {
            StringBuilder b = new StringBuilder();
            for (Object kid : e.getKids()) {
                if (kid instanceof PDMarkedContentReference mcr) {
                    PDPage page = mcr.getPage() != null ? mcr.getPage() : e.getPage();
                    b.append(page(page).getOrDefault(mcr.getMCID(), ""));
                } else if (kid instanceof Integer mcid) {
                    b.append(page(e.getPage()).getOrDefault(mcid, ""));
                } else if (kid instanceof PDStructureElement child) {
                    b.append(text(child));
                }
            }
            return b.toString();
        }

        Map<Integer, String> page(PDPage page) throws IOException {
            Map<Integer, String> known = texts.get(page);
            if (known != null) {
                return known;
            }
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> byMcid = new HashMap<>();
            for (PDMarkedContent mc : extractor.getMarkedContents()) {
                collect(mc, byMcid);
            }
            texts.put(page, byMcid);
            return byMcid;
        }

        /**
         * The text a marked-content sequence reads as: its glyphs, and the text of sequences nested in it
         * without an MCID of their own (which belong to it), an {@code /ActualText} replacing its glyphs
         * (a run with a ligature carries its letters so).
         */
        private static String text(PDMarkedContent mc) {
            if (mc.getActualText() != null) {
                return mc.getActualText();
            }
            StringBuilder b = new StringBuilder();
            for (Object o : mc.getContents()) {
                if (o instanceof TextPosition t) {
                    b.append(t.getUnicode());
                } else if (o instanceof PDMarkedContent inner && inner.getMCID() < 0) {
                    b.append(text(inner));
                }
            }
            return b.toString();
        }

        private static void collect(PDMarkedContent mc, Map<Integer, String> byMcid) {
            if (mc.getMCID() >= 0) {
                byMcid.merge(mc.getMCID(), text(mc), String::concat);
            }
            for (Object o : mc.getContents()) {
                if (o instanceof PDMarkedContent inner) {
                    collect(inner, byMcid);
                }
            }
        }
    }
}
