package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * Copy-fitting's risky growth: a drawing box grown above a prompt pushed overleaf is kept only when
 * the real layout paginates as the measuring one did; otherwise it gets its size back and the book
 * is laid out once more, so no kept prompt lands a page later than measured.
 */
class CopyFitTest {

    /**
     * An A5 page with a drawing box and, under it, a prompt whose kept-together content starts
     * overleaf, leaving only the prompt's top padding (its empty shell) on the first page. With
     * {@code shellPt} more than the room copy-fitting leaves for the shell, the padding no longer fits
     * once the box has grown, the content starts lower overleaf, and being nearly a page tall it moves
     * on to a third page.
     */
    private static Document book(int shellPt) throws Exception {
        String xhtml = """
                <html xmlns="http://www.w3.org/1999/xhtml"><head><style>
                @page { size: 148mm 210mm; margin: 20mm; }
                body { margin: 0; }
                .keep { page-break-inside: avoid; height: 150mm; }
                </style></head><body>
                <div class="entry" id="e" data-notes="e-notes">
                <p>Draw a place where you felt at ease.</p>
                <div class="box" style="height: 60mm" id="fx-e-draw" data-form="box" data-field="e-draw" data-tip="Draw"></div>
                <div class="prompt" style="padding-top: %dpt"><div class="keep"><p>What did it look like?</p></div></div>
                </div></body></html>""".formatted(shellPt);
        return new SafeXml().parse(xhtml);
    }

    private static ITextRenderer laidOut(Document dom) {
        ITextRenderer renderer = new ITextRenderer();
        renderer.setDocument(dom, "file:///book/");
        renderer.layout();
        return renderer;
    }

    private static int pages(ITextRenderer renderer) {
        return renderer.getRootBox().getLayer().getPages().size();
    }

    private static CopyFit.Fitted grown(Document dom) {
        return CopyFit.grow(laidOut(dom), dom, "Notes", (title, line) -> "Notes on " + title, Set.of());
    }

    /** The real layout of {@code dom}, with {@code fitted}'s growth confirmed on it, counting the layouts made. */
    private static ITextRenderer confirmed(CopyFit.Fitted fitted, Document dom, AtomicInteger layouts) {
        return fitted.confirmed(() -> {
            layouts.incrementAndGet();
            return laidOut(dom);
        }, r -> r);
    }

    /** The drawing box (the parser declares no ID attributes, so it is looked for by hand). */
    private static Element box(Document dom) {
        var all = dom.getElementsByTagName("div");
        for (int i = 0; i < all.getLength(); i++) {
            if ("box".equals(((Element) all.item(i)).getAttribute("data-form"))) {
                return (Element) all.item(i);
            }
        }
        throw new AssertionError("no drawing box");
    }

    @Test
    void aBoxGrownAboveAShellThatStillFitsIsKeptAndTheBookIsLaidOutOnce() throws Exception {
        Document dom = book(8);
        assertEquals(2, pages(laidOut(dom)));
        CopyFit.Fitted fitted = grown(dom);
        assertTrue(fitted.needsCheck(), "the box grew above the prompt's empty shell");
        String grownStyle = box(dom).getAttribute("style");
        assertTrue(!grownStyle.equals("height: 60mm"), grownStyle);
        AtomicInteger layouts = new AtomicInteger();
        ITextRenderer real = confirmed(fitted, dom, layouts);
        assertEquals(1, layouts.get(), "the real layout confirms the growth itself");
        assertEquals(2, pages(real));
        assertEquals(grownStyle, box(dom).getAttribute("style"));
    }

    @Test
    void aBoxWhoseGrowthMovesAPageGetsItsSizeBackAndTheBookIsLaidOutAgain() throws Exception {
        Document dom = book(80);
        assertEquals(2, pages(laidOut(dom)), "measured: the prompt's content starts on the second page");
        CopyFit.Fitted fitted = grown(dom);
        assertTrue(fitted.needsCheck(), "the box grew above the prompt's empty shell");
        assertEquals(3, pages(laidOut(dom)), "grown, the shell's padding crosses the foot and the content a page");
        AtomicInteger layouts = new AtomicInteger();
        ITextRenderer real = confirmed(fitted, dom, layouts);
        assertEquals(2, layouts.get(), "the real layout found a page moved and was made again");
        assertEquals(2, pages(real), "what is drawn paginates as measured");
        assertEquals("height: 60mm", box(dom).getAttribute("style"));
    }
}
