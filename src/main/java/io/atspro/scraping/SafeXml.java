package io.atspro.scraping;

import io.atspro.scraping.BoardException.Kind;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML feeds of boards (Personio's positions, Teamtailor's RSS) read strictly and safely. A board's answer is
 * untrusted input: a DOCTYPE is refused outright, so no entity can read a local file or make the service fetch a
 * URL (XXE), and none can expand into gigabytes. Anything that is not well-formed (a body cut off in transfer, an
 * HTML error page) is MALFORMED rather than half-read, so a truncated feed never looks like a shorter listing.
 */
final class SafeXml {

    private SafeXml() {
    }

    /** The parsed document; MALFORMED when the body is not well-formed XML or declares a DTD. */
    static Document parse(String body, String what) throws BoardException {
        if (body == null || body.isBlank()) {
            throw new BoardException(Kind.MALFORMED, what + " returned an empty answer");
        }
        // a byte-order mark decoded into the string is not allowed before the XML declaration
        String xml = body.charAt(0) == '\ufeff' ? body.substring(1) : body;
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(STRICT);
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new BoardException(Kind.MALFORMED, what + " returned XML that is not well-formed (line "
                    + e.getLineNumber() + ": " + e.getMessage() + ")", e);
        } catch (SAXException | IOException e) {
            throw new BoardException(Kind.MALFORMED, what + " returned unreadable XML (" + e.getMessage() + ")", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser lacks a safety feature", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Errors become exceptions instead of the parser's default "[Fatal Error]" lines on stderr. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    /** The direct children of {@code parent} with this local name, whatever their namespace ({@code tt:city}). */
    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The first direct child with this local name, or null. */
    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of the first direct child with this local name (CDATA included), or null when blank. */
    static String childText(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : Normalization.blankToNull(e.getTextContent());
    }
}
