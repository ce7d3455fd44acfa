package org.hearth.render.pdf.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** How elements of the print XHTML map to structure types, attributes and reading order. */
class TagTreeTest {

    private static Document parse(String body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(
                "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><body>" + body + "</body></html>")));
    }

    private static Element byId(Document d, String id) {
        var all = d.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getAttribute("id").equals(id)) {
                return e;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void aPassageInAnotherLanguageIsASpanWithItsLangAndTheDocumentLanguageIsNot() throws Exception {
        Document d = parse("<p id='p'>Hello <span id='de' lang='de'>Hallo</span> <span id='en' lang='en'>hi</span></p>");
        TagTree tree = new TagTree(d, "en");
        TagTree.Tag span = tree.tagFor(byId(d, "de"));
        assertEquals("Span", span.role);
        assertEquals("de", span.lang);
        assertSame(tree.tagFor(byId(d, "p")), tree.tagFor(byId(d, "en")), "same language: no Span");
        assertSame(tree.document(), tree.tagFor(byId(d, "p")).parent);
    }

    @Test
    void listItemsHoldTheirContentInLBodyAndListsSayHowTheyAreNumbered() throws Exception {
        Document d = parse("<ol id='l'><li id='i'>One</li></ol>");
        TagTree tree = new TagTree(d, "en");
        TagTree.Tag body = tree.tagFor(byId(d, "i"));
        assertEquals("LBody", body.role);
        assertEquals("LI", body.parent.role);
        assertEquals("L", body.parent.parent.role);
        assertEquals("Decimal", body.parent.parent.numbering);
    }

    @Test
    void tableHeadersAreScopedAndEveryCellExistsEvenWhenEmpty() throws Exception {
        Document d = parse("<table id='t'><thead><tr><th id='c'>Sign</th><th>Week 1</th></tr></thead>"
                + "<tbody><tr><th id='r'>Calm</th><td id='empty'></td></tr></tbody></table>");
        TagTree tree = new TagTree(d, "en");
        assertEquals("Column", tree.tagFor(byId(d, "c")).scope);
        assertEquals("Row", tree.tagFor(byId(d, "r")).scope);
        TagTree.Tag table = tree.tagFor(byId(d, "t"));
        List<String> rows = TagTree.ordered(table).stream().map(k -> ((TagTree.Tag) k).role).toList();
        assertEquals(List.of("THead", "TBody"), rows);
        TagTree.Tag empty = tree.tagFor(byId(d, "empty"));
        assertEquals("TD", empty.role);
        assertEquals(true, empty.table, "an empty cell is still written, so rows keep their columns");
    }

    @Test
    void contentIsReadInSourceOrderWhateverOrderItWasDrawnIn() throws Exception {
        Document d = parse("<p id='p'>Before <a id='a' href='#x'>link</a> after</p>");
        TagTree tree = new TagTree(d, "en");
        Element p = byId(d, "p");
        TagTree.Tag para = tree.tagFor(p);
        // Drawn out of order: the text after the link first, then the link, then the text before it.
        tree.add(para, 0, 0, p.getLastChild(), p);
        tree.add(tree.tagFor(byId(d, "a")), 0, 1, byId(d, "a").getFirstChild(), byId(d, "a"));
        tree.add(para, 0, 2, p.getFirstChild(), p);
        List<Object> kids = TagTree.ordered(para);
        assertEquals(2, ((TagTree.Content) kids.get(0)).mcid());
        assertEquals("Link", ((TagTree.Tag) kids.get(1)).role);
        assertEquals(0, ((TagTree.Content) kids.get(2)).mcid());
        assertNull(para.alt);
    }

    @Test
    void aListItemReadsItsLabelBeforeItsBody() throws Exception {
        Document d = parse("<ul><li id='i'>One</li></ul><p id='p'>After</p>");
        TagTree tree = new TagTree(d, "en");
        TagTree.Tag body = tree.tagFor(byId(d, "i"));
        TagTree.Tag label = tree.labelFor(byId(d, "i"), "\u2022");
        assertSame(label, tree.labelFor(byId(d, "i"), "\u2022"), "one Lbl per item");
        List<String> kids = TagTree.ordered(body.parent).stream().map(k -> ((TagTree.Tag) k).role).toList();
        assertEquals(List.of("Lbl", "LBody"), kids);
        assertEquals("\u2022", label.actualText);
        assertNull(tree.labelFor(byId(d, "p"), null), "only a list item has a label");
    }

    @Test
    void aTableWithoutHeaderCellsIsLayoutAndEachRowReadsAsAParagraph() throws Exception {
        Document d = parse("<table id='t'><tr id='r'><td id='c'>0</td><td>1</td></tr></table>"
                + "<table id='p' role='presentation'><tr><th id='h'>Low</th></tr></table>"
                + "<table id='data'><tr><th id='head'>Where</th></tr><tr><td id='cell'>Here</td></tr></table>");
        TagTree tree = new TagTree(d, "en");
        assertEquals("Div", tree.tagFor(byId(d, "t")).role);
        assertEquals("P", tree.tagFor(byId(d, "c")).role, "a cell's content belongs to its row's paragraph");
        assertSame(tree.tagFor(byId(d, "r")), tree.tagFor(byId(d, "c")));
        assertEquals(false, tree.tagFor(byId(d, "c")).table, "an empty layout row is not written");
        assertEquals("P", tree.tagFor(byId(d, "h")).role, "role=presentation: layout even with a header cell");
        assertEquals("Table", tree.tagFor(byId(d, "data")).role);
        assertEquals("TH", tree.tagFor(byId(d, "head")).role);
        assertEquals("Column", tree.tagFor(byId(d, "head")).scope);
        assertEquals("TD", tree.tagFor(byId(d, "cell")).role);
    }
}
