package org.evwatch.extractor.parse;

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
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * DOM parsing hardened for untrusted input: no external DTD, entity or schema is ever fetched (XXE), secure
 * processing caps entity expansion, and the DOCTYPE that PubMed and JATS files carry is read but not followed.
 */
final class Xml {

    private static final DocumentBuilderFactory FACTORY = factory();
    // A builder is not thread-safe but is costly to create per record; one per consumer thread is the middle way.
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(Xml::newBuilder);

    private Xml() {
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        f.setValidating(false);
        return f;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            // the default handler prints to stderr; errors reach the caller as exceptions instead
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create an XML parser", e);
        }
    }

    /** The document, or a ParseException naming the format, line and column of the first error. */
    static Document parse(String payload, String format) throws ParseException {
        if (payload == null || payload.isBlank()) {
            throw new ParseException(format + ": empty payload");
        }
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        try {
            return builder.parse(new InputSource(new StringReader(stripBom(payload))));
        } catch (SAXParseException e) {
            throw new ParseException(format + ": malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new ParseException(format + ": unreadable XML: " + e.getMessage(), e);
        }
    }

    static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /** Local name whatever the namespace prefix, so {@code dc:creator} matches "creator". */
    static String name(Node n) {
        String local = n.getLocalName();
        return local != null ? local : n.getNodeName();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && (name == null || name.equals(name(n)))) {
                out.add((Element) n);
            }
        }
        return out;
    }

    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(name(n))) {
                return (Element) n;
            }
        }
        return null;
    }

    /** Follows a path of child names: {@code path(article, "Journal", "JournalIssue", "Volume")}. */
    static Element path(Element from, String... names) {
        Element e = from;
        for (String n : names) {
            e = child(e, n);
            if (e == null) {
                return null;
            }
        }
        return e;
    }

    /** Every descendant with this local name, in document order. */
    static List<Element> descendants(Element root, String name) {
        List<Element> out = new ArrayList<>();
        collect(root, name, out);
        return out;
    }

    private static void collect(Node node, String name, List<Element> out) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                if (name.equals(name(n))) {
                    out.add((Element) n);
                }
                collect(n, name, out);
            }
        }
    }

    /** The element's text with inline markup flattened and whitespace cleaned; null when absent or empty. */
    static String text(Element e) {
        return e == null ? null : Texts.clean(e.getTextContent());
    }

    static String text(Element parent, String... path) {
        return text(path(parent, path));
    }

    static String attr(Element e, String name) {
        if (e == null) {
            return null;
        }
        String v = e.getAttribute(name);
        return v.isEmpty() ? null : v;
    }
}
