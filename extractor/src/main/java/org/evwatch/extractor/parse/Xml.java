package org.evwatch.extractor.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilder;

import org.evwatch.common.xml.SafeXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * DOM parsing of untrusted payloads through the project's hardened parser ({@link SafeXml}): nothing external is
 * ever fetched, a document declaring entities or elements is refused, and the plain DOCTYPE that PubMed and JATS
 * files carry is read but not followed. Plus the small DOM helpers the parsers share.
 */
final class Xml {

    // A builder is not thread-safe but is costly to create per record; one per consumer thread is the middle way.
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newDocumentBuilder);

    private Xml() {
    }

    /** The document, or a ParseException naming the format, line and column of the first error. */
    static Document parse(String payload, String format) throws ParseException {
        if (payload == null || payload.isBlank()) {
            throw new ParseException(format + ": empty payload");
        }
        try {
            return SafeXml.parse(BUILDER.get(), payload);
        } catch (SAXParseException e) {
            throw new ParseException(format + ": malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new ParseException(format + ": unreadable XML: " + e.getMessage(), e);
        }
    }

    static String stripBom(String s) {
        return SafeXml.withoutBom(s);
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
