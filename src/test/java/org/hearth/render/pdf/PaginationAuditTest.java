package org.hearth.render.pdf;

import org.hearth.testing.PageGraphics;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDTrueTypeFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.pdmodel.interactive.form.PDVariableText;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDPageLabels;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.hearth.BuildRequest;
import org.hearth.Hearth;
import org.hearth.Overrides;
import org.hearth.diag.Diagnostics;
import org.hearth.model.Edition;
import org.hearth.model.PageSize;
import org.hearth.model.Workbook;
import org.hearth.render.Templates;
import org.hearth.render.Theme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The prepress audit: every paper size, print and fillable, client and facilitator edition of the
 * default workbook is laid out in memory and its pages are read back with PDFBox, the way a
 * reviewer pages through a proof. Page kinds (cover, front matter, part opener, opening page,
 * deliberate blank) are computed from the named destinations and the page content, never from
 * marks hidden in the pages.
 */
class PaginationAuditTest {

    static final Path ROOT = Path.of(System.getProperty("hearth.project.root", ".")).toAbsolutePath().normalize();
    static final Instant PINNED = Instant.ofEpochSecond(1_700_000_000L);
    private static final Map<String, byte[]> BUILDS = new ConcurrentHashMap<>();

    static Stream<Arguments> editions() {
        List<Arguments> all = new ArrayList<>();
        String only = System.getProperty("audit.only", ""); // e.g. -Daudit.only=A5 while working on one size
        for (PageSize size : PageSize.values()) {
            if (!only.isEmpty() && !size.label().equalsIgnoreCase(only)) {
                continue;
            }
            for (Edition edition : Edition.values()) {
                all.add(Arguments.of(size, edition));
            }
        }
        return all.stream();
    }

    /** Builds (once per JVM) the given edition in memory and returns the PDF's bytes. */
    static byte[] pdf(PageSize size, Edition edition, boolean fillable) {
        return BUILDS.computeIfAbsent(size + "/" + edition + "/" + fillable, key -> {
            Path content = ROOT.resolve("content");
            BuildRequest request = new BuildRequest(content, ROOT.resolve("templates"), ROOT.resolve("target/unused"), false, true,
                    new PrintOptions(size, fillable, false, false), new Overrides(edition, null, List.of(), List.of()), PINNED);
            Workbook workbook = new Hearth(ROOT).prepare(request, new Diagnostics());
            Theme theme = Theme.load(ROOT.resolve("templates"));
            return new PdfRenderer(new Templates(theme), theme).render(workbook, request.print(), PINNED).file().bytes();
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("editions")
    void foliosPageLabelsAndOpeningPagesAreRight(PageSize size, Edition edition) throws IOException {
        for (boolean fillable : new boolean[] {false, true}) {
            try (PDDocument pdf = Loader.loadPDF(pdf(size, edition, fillable))) {
                List<PageText> pages = PageText.read(pdf);
                List<String> problems = new ArrayList<>();
                Map<Integer, String> openings = openingPages(pdf);
                int firstBody = openings.entrySet().stream().filter(e -> e.getValue().startsWith("part-"))
                        .mapToInt(Map.Entry::getKey).min().orElseThrow();
                PDPageLabels labels = pdf.getDocumentCatalog().getPageLabels();
                String[] byIndex = labels == null ? new String[pages.size()] : labels.getLabelsByPageIndices();
                for (int i = 0; i < pages.size(); i++) {
                    PageText page = pages.get(i);
                    String where = (fillable ? "fillable" : "print") + " p" + (i + 1) + ": ";
                    String expected = i < firstBody ? roman(i + 1) : Integer.toString(i - firstBody + 1);
                    if (!expected.equals(byIndex[i])) {
                        problems.add(where + "page label " + byIndex[i] + ", expected " + expected);
                    }
                    if (!page.hidden().isEmpty()) {
                        problems.add(where + "text hidden by the clip: " + page.hidden());
                    }
                    boolean blank = page.blank();
                    String folio = page.foot();
                    if (i == 0 || blank) {
                        if (!folio.isEmpty() || !page.head().isEmpty()) {
                            problems.add(where + (i == 0 ? "the cover" : "a blank page") + " carries '" + page.head() + "' / '" + folio + "'");
                        }
                        // A deliberate blank only puts the next part (or entry) on a right-hand page.
                        if (blank && i > 0 && !openings.containsKey(i + 1)) {
                            problems.add(where + "a blank page inside an entry, not before an opening page");
                        }
                        continue;
                    }
                    if (!folio.equals(expected)) {
                        problems.add(where + "folio '" + folio + "', expected " + expected);
                    }
                    boolean rightHand = i % 2 == 0;
                    if (!folio.isEmpty() && rightHand != page.footOnRight()) {
                        problems.add(where + "folio not in the outer corner");
                    }
                    if (openings.containsKey(i) && !page.head().isEmpty()) {
                        problems.add(where + "running head '" + page.head() + "' on the opening page of " + openings.get(i));
                    }
                    if (openings.getOrDefault(i, "").startsWith("part-") && !rightHand) {
                        problems.add(where + openings.get(i) + " opens on a left-hand page");
                    }
                }
                var catalog = pdf.getDocumentCatalog();
                if (catalog.getPageMode() != org.apache.pdfbox.pdmodel.PageMode.USE_OUTLINES
                        || catalog.getViewerPreferences() == null || !catalog.getViewerPreferences().displayDocTitle()) {
                    problems.add("the viewer should open with the outline shown and the title in its window");
                }
                if (catalog.getDocumentOutline().children().iterator().next().getTitle().indexOf("safety") < 0) {
                    problems.add("the inside-cover safety page is not first in the outline");
                }
                assertEquals(List.of(), problems, size + " " + edition);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("editions")
    void fillableEditionIsThePrintEditionWithFieldsOnItsWritingSpace(PageSize size, Edition edition) throws IOException {
        try (PDDocument print = Loader.loadPDF(pdf(size, edition, false)); PDDocument fill = Loader.loadPDF(pdf(size, edition, true))) {
            List<String> problems = new ArrayList<>();
            List<PageText> printed = PageText.read(print);
            List<PageText> filled = PageText.read(fill);
            if (printed.size() != filled.size()) {
                problems.add("print has " + printed.size() + " pages, fillable " + filled.size());
            }
            for (int i = 0; i < Math.min(printed.size(), filled.size()); i++) {
                PageText a = printed.get(i);
                PageText b = filled.get(i);
                if (!(a.head() + a.body() + a.foot()).equals(b.head() + b.body() + b.foot())) {
                    problems.add("p" + (i + 1) + " differs: print '" + a.body().substring(0, Math.min(60, a.body().length()))
                            + "', fillable '" + b.body().substring(0, Math.min(60, b.body().length())) + "'");
                }
            }
            Map<COSDictionary, Integer> widgetPage = new HashMap<>();
            for (int i = 0; i < fill.getNumberOfPages(); i++) {
                PDPage page = fill.getPage(i);
                if (!COSName.S.equals(page.getCOSObject().getCOSName(COSName.getPDFName("Tabs")))) {
                    problems.add("p" + (i + 1) + ": no /Tabs /S");
                }
                for (PDAnnotation a : page.getAnnotations()) {
                    widgetPage.put(a.getCOSObject(), i);
                }
            }
            PDAcroForm form = fill.getDocumentCatalog().getAcroForm();
            Map<String, List<Integer>> linesByAnswer = new TreeMap<>();
            Set<String> fontNames = new HashSet<>();
            for (PDField field : form.getFieldTree()) {
                if (!(field instanceof PDTerminalField terminal)) {
                    continue;
                }
                String name = field.getFullyQualifiedName();
                if (field.getAlternateFieldName() == null || field.getAlternateFieldName().isBlank()) {
                    problems.add(name + ": empty tooltip");
                }
                if (field instanceof PDVariableText text) {
                    Matcher m = Pattern.compile("/([^ ]+) [0-9.]+ Tf").matcher(text.getDefaultAppearance());
                    if (m.find()) {
                        fontNames.add(m.group(1));
                    }
                }
                for (PDAnnotationWidget w : terminal.getWidgets()) {
                    int page = widgetPage.getOrDefault(w.getCOSObject(), -1);
                    if (field instanceof PDTextField && name.matches(".*-\\d+") && !name.startsWith("cover")) {
                        linesByAnswer.computeIfAbsent(name.replaceAll("-\\d+$", ""), k -> new ArrayList<>()).add(page);
                    }
                    if (field instanceof PDRadioButton) {
                        PDRectangle r = w.getRectangle();
                        double cx = r.getLowerLeftX() + r.getWidth() / 2;
                        double cy = fill.getPage(page).getMediaBox().getHeight() - (r.getLowerLeftY() + r.getHeight() / 2);
                        // Flying Saucer draws a circle as four arcs: gather the arcs around the widget.
                        java.awt.geom.Rectangle2D circle = null;
                        for (PageGraphics.Shape c : filled.get(page).shapes()) {
                            if (c.curved() && Math.hypot(c.bounds().getCenterX() - cx, c.bounds().getCenterY() - cy) < r.getWidth() * 0.75) {
                                if (circle == null) {
                                    circle = (java.awt.geom.Rectangle2D) c.bounds().clone();
                                } else {
                                    circle.add(c.bounds());
                                }
                            }
                        }
                        boolean onCircle = circle != null && Math.abs(circle.getCenterX() - cx) < 1 && Math.abs(circle.getCenterY() - cy) < 1
                                && Math.abs(circle.getWidth() - r.getWidth()) < 3;
                        if (!onCircle) {
                            problems.add(name + " on p" + (page + 1) + ": radio widget at " + Math.round(cx) + "," + Math.round(cy)
                                    + " not centred on a printed circle");
                        }
                    }
                }
            }
            for (var answer : linesByAnswer.entrySet()) {
                Map<Integer, Integer> perPage = new TreeMap<>();
                answer.getValue().forEach(p -> perPage.merge(p, 1, Integer::sum));
                int total = answer.getValue().size();
                if (perPage.size() > 1 && (total <= 8 || perPage.values().stream().anyMatch(n -> n < 4))) {
                    problems.add(answer.getKey() + ": writing block of " + total + " lines split " + perPage.values() + " over pages "
                            + perPage.keySet().stream().map(p -> p + 1).toList());
                }
            }
            PDResources resources = form.getDefaultResources();
            for (String fontName : fontNames) {
                PDFont font = resources.getFont(COSName.getPDFName(fontName));
                if (!font.isEmbedded()) {
                    problems.add("form font " + fontName + " is not embedded");
                    continue;
                }
                StringBuilder missing = new StringBuilder();
                for (int c = 0x20; c <= 0xFF; c++) {
                    if (c < 0x7F || c >= 0xA0) {
                        if (!hasGlyph(font, c)) {
                            missing.appendCodePoint(c);
                        }
                    }
                }
                if (!missing.isEmpty()) {
                    problems.add("form font " + font.getName() + " lacks " + missing);
                }
            }
            assertEquals(List.of(), problems, size + " " + edition);
        }
    }

    /**
     * Tables as a book sets them: no row is split over two pages, a header row never stands alone
     * at a page foot, and every page a table continues on starts with its header row again. Rows
     * and header rows are read from the tagged structure (TR in THead or TBody) and the pages their
     * marked content lies on.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("editions")
    void tablesKeepRowsWholeAndHeadersWithTheirRows(PageSize size, Edition edition) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(size, edition, false))) {
            List<String> problems = new ArrayList<>();
            List<PDStructureElement> tables = new ArrayList<>();
            for (Object kid : pdf.getDocumentCatalog().getStructureTreeRoot().getKids()) {
                if (kid instanceof PDStructureElement e) {
                    collect(e, "Table", tables);
                }
            }
            for (PDStructureElement table : tables) {
                List<PDStructureElement> rows = new ArrayList<>();
                collect(table, "TR", rows);
                Set<Integer> headerPages = new java.util.TreeSet<>();
                Set<Integer> bodyPages = new java.util.TreeSet<>();
                for (PDStructureElement row : rows) {
                    Set<Integer> pages = new java.util.TreeSet<>();
                    pagesOf(row, null, pdf, pages);
                    boolean isHeader = row.getParent() instanceof PDStructureElement p && "THead".equals(p.getStructureType());
                    if (pages.isEmpty()) {
                        continue;
                    }
                    if (isHeader) {
                        headerPages.add(pages.iterator().next());
                    } else {
                        if (pages.size() > 1) {
                            problems.add("a table row split across pages " + pages.stream().map(p -> "p" + (p + 1)).toList());
                        }
                        bodyPages.addAll(pages);
                    }
                }
                if (headerPages.isEmpty() || bodyPages.isEmpty()) {
                    continue;
                }
                int first = headerPages.iterator().next();
                if (!bodyPages.contains(first)) {
                    problems.add("p" + (first + 1) + ": a header row alone at a page foot, its rows overleaf");
                }
                for (int page : bodyPages) {
                    if (page > first) {
                        List<PageLines.Line> lines = PageLines.of(pdf, page);
                        // A header row is set in the small bold sans-serif (th in print.css).
                        if (lines.isEmpty() || !lines.get(0).boldSans() || lines.get(0).size() > 10.5f) {
                            problems.add("p" + (page + 1) + ": table continued without its header row, first line '" + (lines.isEmpty() ? "" : lines.get(0).text()) + "'");
                        }
                    }
                }
            }
            assertEquals(List.of(), problems, size + " " + edition);
        }
    }

    /**
     * Lists as a book sets them: a list broken over two pages leaves at least two items on each
     * side, so neither its first item is alone at a page foot nor its last alone at the next head
     * (items read from the tagged structure; each item counts on the page where it starts).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("editions")
    void listsLeaveNoItemAloneAtAPageHeadOrFoot(PageSize size, Edition edition) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(size, edition, false))) {
            List<String> problems = new ArrayList<>();
            List<PDStructureElement> lists = new ArrayList<>();
            for (Object kid : pdf.getDocumentCatalog().getStructureTreeRoot().getKids()) {
                if (kid instanceof PDStructureElement e) {
                    collect(e, "L", lists);
                }
            }
            for (PDStructureElement list : lists) {
                List<Integer> starts = new ArrayList<>();
                for (Object kid : list.getKids()) {
                    if (kid instanceof PDStructureElement item && "LI".equals(item.getStructureType())) {
                        Set<Integer> pages = new java.util.TreeSet<>();
                        pagesOf(item, null, pdf, pages);
                        if (!pages.isEmpty()) {
                            starts.add(pages.iterator().next());
                        }
                    }
                }
                int n = starts.size();
                if (n < 2) {
                    continue;
                }
                if (!starts.get(0).equals(starts.get(1))) {
                    problems.add("p" + (starts.get(0) + 1) + ": a list's first item alone at the page foot");
                }
                if (!starts.get(n - 1).equals(starts.get(n - 2))) {
                    problems.add("p" + (starts.get(n - 1) + 1) + ": a list's last item alone at the page head");
                }
            }
            assertEquals(List.of(), problems, size + " " + edition);
        }
    }

    /**
     * Copy-fitting: no page is less than a third full except the cover, part openers, deliberate
     * blanks and the Notes pages at the end; no heading is left at a page foot with fewer than three
     * of its lines under it; a rating's note never starts a page without its rating; the book ends
     * with as many Notes pages as {@code notes_pages} asks for (the default content leaves the default).
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("editions")
    void pagesAreFullEnoughAndHeadingsStayWithTheirLines(PageSize size, Edition edition) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(size, edition, false))) {
            List<String> problems = new ArrayList<>();
            List<PageText> pages = PageText.read(pdf);
            Map<Integer, String> openings = openingPages(pdf);
            int notes = openings.entrySet().stream().filter(e -> e.getValue().equals("notes")).mapToInt(Map.Entry::getKey).min().orElseThrow();
            if (pages.size() - notes != org.hearth.config.ConfigLoader.DEFAULT_NOTES_PAGES) {
                problems.add((pages.size() - notes) + " Notes pages at the end, expected notes_pages' default "
                        + org.hearth.config.ConfigLoader.DEFAULT_NOTES_PAGES);
            }
            boolean small = size.widthMm() < 160; // book.ftlx's rule for the smaller margins
            float mm = 72 / 25.4f;
            float top = (small ? 15 : 20) * mm;
            float bottom = (small ? 17 : 22) * mm;
            for (int i = 1; i < pages.size(); i++) {
                PageText page = pages.get(i);
                String where = "p" + (i + 1) + ": ";
                String opening = openings.getOrDefault(i, "");
                boolean opener = opening.startsWith("part-") || opening.equals("plan");
                if (page.blank() || opener || i >= notes) {
                    continue;
                }
                float full = (page.contentBottom() - top) / (page.height() - top - bottom);
                if (full < 1 / 3f) {
                    problems.add(where + "page under a third full (" + Math.round(full * 100) + "%): '" + abbreviate(page.body()) + "'");
                }
                List<PageLines.Line> lines = PageLines.of(pdf, i);
                for (PageLines.Line line : lines) {
                    // A generated "(page N)" that wrapped alone would start its line with its no-break space.
                    if (line.text().startsWith("\u00A0")) {
                        problems.add(where + "a line starts with a space: '" + line.text() + "'");
                    }
                }
                if (!lines.isEmpty() && lines.get(0).text().equals("A note")) {
                    problems.add(where + "a rating's note starts the page, torn from its rating");
                }
                boolean continues = i + 1 < pages.size() && !openings.containsKey(i + 1) && !pages.get(i + 1).blank();
                for (int l = lines.size() - 1; l >= 0 && continues; l--) {
                    PageLines.Line line = lines.get(l);
                    if (line.boldSans() && line.size() >= 11.5f) {
                        float below = line.baseline();
                        long rules = page.shapes().stream().filter(s -> s.bounds().getMinY() > below && s.bounds().getHeight() < 2
                                && s.bounds().getWidth() > 100 && s.bounds().getMaxY() < page.height() - PageText.BAND).count();
                        int after = lines.size() - 1 - l + (int) rules;
                        if (after < 3) {
                            problems.add(where + "heading stranded at a page foot: '" + line.text() + "' with " + after + " line(s) under it");
                        }
                        break;
                    }
                }
            }
            assertEquals(List.of(), problems, size + " " + edition);
        }
    }

    /**
     * Copy-fitting of drawing boxes: a box that is the last thing on its page (what follows it starts
     * overleaf) reaches the foot of the page, found from the fillable edition's box fields (multi-line
     * text fields) and everything printed below them.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("editions")
    void drawingBoxesThatEndAPageReachItsFoot(PageSize size, Edition edition) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdf(size, edition, true))) {
            List<String> problems = new ArrayList<>();
            List<PageText> pages = PageText.read(pdf);
            float mm = 72 / 25.4f;
            float bottomMargin = (size.widthMm() < 160 ? 17 : 22) * mm; // as in pagesAreFullEnough…
            int boxes = 0;
            Map<COSDictionary, Integer> widgetPage = new HashMap<>(); // widgets here carry no /P
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                for (PDAnnotation a : pdf.getPage(i).getAnnotations()) {
                    widgetPage.put(a.getCOSObject(), i);
                }
            }
            for (PDField field : pdf.getDocumentCatalog().getAcroForm().getFieldTree()) {
                if (!(field instanceof PDTextField text) || !text.isMultiline()) {
                    continue;
                }
                for (PDAnnotationWidget w : text.getWidgets()) {
                    boxes++;
                    int index = widgetPage.get(w.getCOSObject());
                    PageText page = pages.get(index);
                    float boxBottom = page.height() - w.getRectangle().getLowerLeftY();
                    boolean below = PageLines.of(pdf, index).stream().anyMatch(l -> l.top() > boxBottom)
                            || page.shapes().stream().anyMatch(sh -> sh.bounds().getMinY() > boxBottom + 2
                                    && sh.bounds().getMaxY() < page.height() - PageText.BAND);
                    float gap = page.height() - bottomMargin - boxBottom;
                    if (!below && gap > 15 * mm) {
                        problems.add("p" + (index + 1) + ": drawing box " + field.getFullyQualifiedName() + " ends its page "
                                + Math.round(gap / mm) + " mm above the foot");
                    }
                }
            }
            if (boxes == 0) {
                problems.add("no drawing box fields found");
            }
            assertEquals(List.of(), problems, size + " " + edition);
        }
    }

    private static void collect(PDStructureElement e, String type, List<PDStructureElement> into) {
        if (type.equals(e.getStructureType())) {
            into.add(e);
        }
        for (Object kid : e.getKids()) {
            if (kid instanceof PDStructureElement child) {
                collect(child, type, into);
            }
        }
    }

    /** The pages (0-based) that {@code e}'s marked content lies on. */
    private static void pagesOf(PDStructureElement e, PDPage inherited, PDDocument pdf, Set<Integer> into) {
        PDPage page = e.getPage() != null ? e.getPage() : inherited;
        for (Object kid : e.getKids()) {
            if (kid instanceof PDStructureElement child) {
                pagesOf(child, page, pdf, into);
            } else if (kid instanceof PDMarkedContentReference mcr) {
                PDPage p = mcr.getPage() != null ? mcr.getPage() : page;
                if (p != null) {
                    into.add(pdf.getPages().indexOf(p));
                }
            } else if (kid instanceof Integer && page != null) {
                into.add(pdf.getPages().indexOf(page));
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** Whether an embedded font can show {@code codePoint}, from its own character map. */
    private static boolean hasGlyph(PDFont font, int codePoint) throws IOException {
        if (font instanceof PDType0Font type0 && type0.getDescendantFont() instanceof PDCIDFontType2 cid) {
            return cid.getTrueTypeFont().getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        }
        if (font instanceof PDTrueTypeFont tt) {
            return tt.getTrueTypeFont().getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Page index → the named destination that opens on it (entries, parts, contents, notes). */
    static Map<Integer, String> openingPages(PDDocument pdf) throws IOException {
        Map<Integer, String> pages = new TreeMap<>();
        var names = pdf.getDocumentCatalog().getNames().getDests().getNames();
        for (var e : names.entrySet()) {
            if (e.getValue() instanceof PDPageDestination d) {
                pages.merge(d.retrievePageNumber(), e.getKey(), (a, b) -> a.startsWith("part-") ? a : b);
            }
        }
        return pages;
    }

    static String roman(int n) {
        String[] r = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i"};
        int[] v = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            while (n >= v[i]) {
                s.append(r[i]);
                n -= v[i];
            }
        }
        return s.toString();
    }
}
