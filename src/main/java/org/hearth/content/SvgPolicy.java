package org.hearth.content;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.hearth.diag.Diagnostics;
import org.hearth.diag.Position;

/**
 * What an SVG in the content may contain. The site serves images from the same origin as the
 * journal answers, and an SVG opened on its own is a document that can run script, so an SVG with
 * anything active (script, event attributes, {@code foreignObject}, references outside the file)
 * is refused at its line and column rather than silently changed: the author fixes the file once.
 */
final class SvgPolicy {

    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final Set<String> ANIMATION = Set.of("set", "animate", "animatemotion", "animatetransform", "animatecolor");
    /** A CSS url() or @import that points anywhere but a fragment of this file. */
    private static final Pattern OUTSIDE_URL = Pattern.compile("(?i)url\\(\\s*['\"]?\\s*(?!#)|@import");
    private static final String HINT = "remove it in an editor (or export as plain SVG); images may only draw";

    private final XMLInputFactory factory;

    SvgPolicy() {
        factory = XMLInputFactory.newFactory();
        // No DTDs and no entities: nothing in the file can make the parser read another file.
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    }

    /** Reports every problem of the SVG file {@code display} to {@code d}. */
    void check(String display, byte[] bytes, Diagnostics d) {
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            boolean root = true;
            boolean inStyle = false;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD) {
                    d.error(at(display, r.getLocation()), "an SVG image may not have a DOCTYPE", HINT);
                    return;
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    d.error(at(display, r.getLocation()), "an SVG image may not use entities", HINT);
                    return;
                }
                if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) && inStyle
                        && (OUTSIDE_URL.matcher(r.getText()).find() || r.getText().contains("\\"))) {
                    // A CSS escape (\75 rl for url) would hide an outside reference from the check above.
                    d.error(at(display, r.getLocation()), "the SVG's style refers to something outside the file or uses a CSS escape", HINT);
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    inStyle = false;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName().toLowerCase(Locale.ROOT);
                String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                Position here = at(display, r.getLocation());
                if (root && (!name.equals("svg") || !ns.equals(SVG_NS))) {
                    d.error(here, "this file is not an SVG image (its first element is <" + r.getLocalName() + ">)",
                            "an SVG starts with <svg xmlns=\"http://www.w3.org/2000/svg\">");
                    return;
                }
                root = false;
                inStyle = name.equals("style");
                if (name.equals("script")) {
                    d.error(here, "an SVG image may not contain a script", HINT);
                } else if (name.equals("foreignobject")) {
                    d.error(here, "an SVG image may not contain <foreignObject> (HTML inside the picture)", HINT);
                } else if (ns.equals(XHTML_NS)) {
                    d.error(here, "an SVG image may not contain HTML elements (<" + r.getLocalName() + ">)", HINT);
                }
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    String attr = r.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
                    String value = r.getAttributeValue(i).strip();
                    if (attr.startsWith("on")) {
                        d.error(here, "an SVG image may not have event attributes ('" + r.getAttributeLocalName(i) + "')", HINT);
                    } else if (attr.equals("href") && !value.startsWith("#")) {
                        d.error(here, "an SVG image may not refer to anything outside the file ('" + value + "')",
                                "draw everything inside the file; only references to its own parts (#id) are allowed");
                    } else if (OUTSIDE_URL.matcher(value).find() || value.toLowerCase(Locale.ROOT).contains("javascript:")
                            || (value.contains("\\") && (attr.equals("style") || value.contains("(")))) {
                        d.error(here, "an SVG image may not refer to anything outside the file ('" + r.getAttributeLocalName(i) + "')", HINT);
                    } else if (ANIMATION.contains(name) && attr.equals("attributename")
                            && (value.toLowerCase(Locale.ROOT).endsWith("href") || value.toLowerCase(Locale.ROOT).startsWith("on"))) {
                        d.error(here, "an SVG animation may not change links or events ('" + value + "')", HINT);
                    }
                }
            }
        } catch (XMLStreamException e) {
            Location l = e.getLocation();
            String message = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
            d.error(l == null ? Position.ofFile(display) : at(display, l), "this SVG image is not well-formed XML: " + message.strip(),
                    "open it in an image editor and save it again as SVG");
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // nothing more to read
                }
            }
        }
    }

    private static Position at(String display, Location l) {
        return new Position(display, Math.max(l.getLineNumber(), 1), Math.max(l.getColumnNumber(), 1));
    }
}
