package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
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
}
