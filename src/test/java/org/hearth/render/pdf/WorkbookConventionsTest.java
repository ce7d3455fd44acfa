package org.hearth.render.pdf;

import org.hearth.testing.PageGraphics;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.awt.geom.Rectangle2D;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.hearth.model.Edition;
import org.hearth.model.PageSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Workbook conventions on paper (issue 13, point 6), read back from the PDFs: a date line where the
 * prompts start, short checklists in columns, page numbers after cross-references.
 */
class WorkbookConventionsTest {

    /** Each exercise's prompts start with a "Date:" line, and the fillable edition has one text field on it. */
    @ParameterizedTest
    @EnumSource(value = PageSize.class, names = {"A4", "A5"})
    void promptsStartWithADateLine(PageSize size) throws IOException {
        try (PDDocument print = Loader.loadPDF(PaginationAuditTest.pdf(size, Edition.CLIENT, false));
                PDDocument fill = Loader.loadPDF(PaginationAuditTest.pdf(size, Edition.CLIENT, true))) {
            List<PageText> pages = PageText.read(print);
            List<Integer> promptPages = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                String body = pages.get(i).body();
                int at = body.indexOf("Your prompts");
                if (at >= 0) {
                    promptPages.add(i);
                    assertTrue(body.substring(at + "Your prompts".length()).strip().startsWith("Date:"),
                            "p" + (i + 1) + ": no Date: line after 'Your prompts'");
                }
            }
            assertTrue(promptPages.size() >= 5, "exercises with prompts: " + promptPages);
            List<Integer> datePages = new ArrayList<>();
            for (int i = 0; i < fill.getNumberOfPages(); i++) {
                for (PDAnnotation a : fill.getPage(i).getAnnotations()) {
                    if (a instanceof PDAnnotationWidget w && w.getCOSObject().getNameAsString("FT") != null
                            && fill.getDocumentCatalog().getAcroForm().getField(w.getCOSObject().getString("T")) instanceof PDTextField t
                            && t.getFullyQualifiedName().endsWith("-date")) {
                        datePages.add(i);
                        assertTrue(t.getAlternateFieldName().startsWith("Date"), "tooltip " + t.getAlternateFieldName());
                        assertTrue(!t.isMultiline(), t.getFullyQualifiedName() + " is multi-line");
                        PDRectangle r = w.getRectangle();
                        assertTrue(r.getHeight() < 30 && r.getWidth() > 60, "date field " + r);
                    }
                }
            }
            assertEquals(promptPages, datePages, "pages with a date field in the fillable edition");
        }
    }

    /**
     * A checklist of single words sets its items in three columns, one of short phrases in two, a
     * longer one in one; each check box of the fillable edition covers its printed box.
     */
    @ParameterizedTest
    @EnumSource(value = PageSize.class, names = {"A4", "A5"})
    void shortChecklistsSetInColumns(PageSize size) throws IOException {
        try (PDDocument fill = Loader.loadPDF(PaginationAuditTest.pdf(size, Edition.CLIENT, true))) {
            Map<String, TreeSet<Long>> columns = new TreeMap<>();
            Map<String, TreeSet<Long>> rows = new TreeMap<>();
            for (int i = 0; i < fill.getNumberOfPages(); i++) {
                List<PageGraphics.Shape> shapes = PageGraphics.of(fill.getPage(i), new StringBuilder());
                float height = fill.getPage(i).getMediaBox().getHeight();
                for (PDAnnotation a : fill.getPage(i).getAnnotations()) {
                    if (!(a instanceof PDAnnotationWidget w)) {
                        continue;
                    }
                    PDField field = fill.getDocumentCatalog().getAcroForm().getField(w.getCOSObject().getString("T"));
                    if (!(field instanceof PDCheckBox)) {
                        continue;
                    }
                    String group = field.getFullyQualifiedName().replaceAll("-\\d+$", "");
                    PDRectangle r = w.getRectangle();
                    columns.computeIfAbsent(group, k -> new TreeSet<>()).add((long) Math.round(r.getLowerLeftX()));
                    rows.computeIfAbsent(group, k -> new TreeSet<>()).add(i * 10_000L + Math.round(r.getLowerLeftY()));
                    Rectangle2D widget = new Rectangle2D.Double(r.getLowerLeftX(), height - r.getUpperRightY(), r.getWidth(), r.getHeight());
                    Rectangle2D printed = null;
                    for (PageGraphics.Shape s : shapes) {
                        Rectangle2D b = s.bounds();
                        if (b.getMinX() > widget.getMinX() - 1.5 && b.getMaxX() < widget.getMaxX() + 1.5
                                && b.getMinY() > widget.getMinY() - 1.5 && b.getMaxY() < widget.getMaxY() + 1.5) {
                            if (printed == null) {
                                printed = (Rectangle2D) b.clone();
                            } else {
                                printed.add(b);
                            }
                        }
                    }
                    assertTrue(printed != null && Math.abs(printed.getWidth() - widget.getWidth()) < 2
                            && Math.abs(printed.getCenterX() - widget.getCenterX()) < 1 && Math.abs(printed.getCenterY() - widget.getCenterY()) < 1,
                            field.getFullyQualifiedName() + " on p" + (i + 1) + " is not over its printed box: " + widget + " vs " + printed);
                }
            }
            String feelings = group(columns, "ack-feeling-names");
            assertEquals(3, columns.get(feelings).size(), "columns of single feelings words");
            assertEquals(4, rows.get(feelings).size(), "rows of 12 feelings in 3 columns");
            assertEquals(1, columns.get(group(columns, "good-small-joys")).size(), "columns of long phrases");
        }
    }

    private static String group(Map<String, ?> groups, String prompt) {
        return groups.keySet().stream().filter(k -> k.endsWith(prompt)).findFirst()
                .orElseThrow(() -> new AssertionError("no check boxes for " + prompt + " in " + groups.keySet()));
    }

    /**
     * A link to another page of the book, outside the contents, prints "(page N)" after it, where N is
     * the folio printed on the page it leads to.
     */
    @ParameterizedTest
    @EnumSource(value = PageSize.class, names = {"A4", "A5"})
    void crossReferencesPrintTheFolioTheyLeadTo(PageSize size) throws IOException {
        try (PDDocument print = Loader.loadPDF(PaginationAuditTest.pdf(size, Edition.CLIENT, false))) {
            List<PageText> pages = PageText.read(print);
            int checked = 0;
            // The contents (front matter, before the first part opener) already end each line with its page.
            int firstBody = PaginationAuditTest.openingPages(print).entrySet().stream().filter(e -> e.getValue().startsWith("part-"))
                    .mapToInt(Map.Entry::getKey).min().orElseThrow();
            for (int i = firstBody; i < print.getNumberOfPages(); i++) {
                for (PDAnnotation a : print.getPage(i).getAnnotations()) {
                    if (!(a instanceof PDAnnotationLink link)) {
                        continue;
                    }
                    PDDestination dest = link.getDestination();
                    if (dest == null && link.getAction() instanceof PDActionGoTo go) {
                        dest = go.getDestination();
                    }
                    if (dest instanceof PDNamedDestination named) {
                        dest = print.getDocumentCatalog().findNamedDestinationPage(named);
                    }
                    if (!(dest instanceof PDPageDestination page)) {
                        continue;
                    }
                    int target = page.retrievePageNumber();
                    String folio = pages.get(target).foot().strip();
                    assertTrue(!folio.isEmpty(), "p" + (i + 1) + " links to p" + (target + 1) + ", which has no folio");
                    assertTrue(pages.get(i).body().replace('\u00A0', ' ').replaceAll("\\s+", " ").contains("(page " + folio + ")"),
                            "p" + (i + 1) + " links to p" + (target + 1) + " but does not print (page " + folio + ")");
                    checked++;
                }
            }
            assertTrue(checked >= 5, "cross-references checked: " + checked);
            for (int i = 0; i < pages.size(); i++) {
                assertTrue(!pages.get(i).body().contains("(page 0)"), "p" + (i + 1) + " prints (page 0)");
            }
        }
    }
}
