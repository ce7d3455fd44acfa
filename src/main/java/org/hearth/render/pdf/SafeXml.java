package org.hearth.render.pdf;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * A hardened XML parser for the generated XHTML: no DTDs, no external entities, no XInclude,
 * nothing fetched. Flying Saucer's own parser is not used because it is not hardened.
 */
final class SafeXml {

    // Made on first use: a build that only renders the site still constructs the PDF's outputs, and
    // looking the factory up (a service-loader scan) is a noticeable part of a `serve` rebuild.
    private DocumentBuilderFactory factory;

    private synchronized DocumentBuilderFactory factory() {
        if (factory != null) {
            return factory;
        }
        DocumentBuilderFactory made = DocumentBuilderFactory.newInstance();
        try {
            made.setNamespaceAware(true);
            made.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            made.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            made.setFeature("http://xml.org/sax/features/external-general-entities", false);
            made.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            made.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            made.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            made.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            made.setXIncludeAware(false);
            made.setExpandEntityReferences(false);
            made.setValidating(false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
        factory = made;
        return made;
    }

    /** Parses {@code xml}; a syntax error is reported with its line and column in the generated XHTML. */
    Document parse(String xml) throws XmlError {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new XmlError(e.getMessage(), e.getLineNumber(), e.getColumnNumber());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new XmlError(e.getMessage(), 0, 0);
        }
    }

    /** The generated XHTML is not well-formed (a theme bug, since content is always escaped). */
    static final class XmlError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        XmlError(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }
}
