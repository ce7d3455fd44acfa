package org.hearth.render.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** A heading's last two words are kept together, and its text stays exactly as written. */
class HeadingBreaksTest {

    private static String bound(String body) throws Exception {
        Document dom = new SafeXml().parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>" + body + "</body></html>");
        String before = dom.getDocumentElement().getTextContent();
        HeadingBreaks.bindLastWords(dom);
        assertEquals(before, dom.getDocumentElement().getTextContent(), "the text itself is unchanged");
        StringWriter out = new StringWriter();
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        t.transform(new DOMSource(dom.getElementsByTagName("body").item(0)), new StreamResult(out));
        return out.toString().replace(" xmlns=\"http://www.w3.org/1999/xhtml\"", "");
    }

    @Test
    void theLastTwoWordsOfAHeadingGoTogether() throws Exception {
        assertEquals("<body><h1 class=\"entry-title\">Understanding your <span class=\"nobreak\">inner child</span></h1></body>",
                bound("<h1 class=\"entry-title\">Understanding your inner child</h1>"));
        assertEquals("<body><h2>When it got <span class=\"nobreak\">no reply</span></h2></body>", bound("<h2>When it got no reply</h2>"));
        // Inside the heading's last element, with trailing white space kept after the pair.
        assertEquals("<body><h3>Keep <em>going <span class=\"nobreak\">at any cost</span></em> </h3></body>",
                bound("<h3>Keep <em>going at any cost</em> </h3>"));
        // A word of one or two letters goes with the pair, as Spanish setting asks.
        assertEquals("<body><h1>Mantener la paz <span class=\"nobreak\">a cualquier precio</span></h1></body>",
                bound("<h1>Mantener la paz a cualquier precio</h1>"));
        // The summary under a title too, but no other paragraph.
        assertEquals("<body><p class=\"entry-summary\">What old hurts can <span class=\"nobreak\">shape today.</span></p></body>",
                bound("<p class=\"entry-summary\">What old hurts can shape today.</p>"));
    }

    @Test
    void shortHeadingsLongPairsAndOtherElementsAreLeftAlone() throws Exception {
        // Two words may still need to wrap on a narrow page; a pair too long for a narrow line is
        // left free; a paragraph is no heading.
        for (String html : new String[] {"<h1>Two words</h1>", "<h2>Before wonderfully extraordinary</h2>",
                "<p>A paragraph of several words</p>", "<h2>Ends in <a href=\"#x\">link</a></h2>"}) {
            assertEquals("<body>" + html + "</body>", bound(html));
        }
    }
}
