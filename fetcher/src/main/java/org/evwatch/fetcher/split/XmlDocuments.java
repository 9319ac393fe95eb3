package org.evwatch.fetcher.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.evwatch.common.xml.SafeXml;
import org.evwatch.common.xml.XmlRefusedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Small DOM helpers for responses: parsing through the project's hardened parser, and reading child text. */
public final class XmlDocuments {

    private XmlDocuments() {
    }

    /** The whole document; a broken, truncated or refused one is a MalformedResponseException saying where. */
    public static Document parse(String xml) throws MalformedResponseException {
        if (xml == null || xml.isBlank()) {
            throw new MalformedResponseException("empty XML response");
        }
        try {
            return SafeXml.parse(xml);
        } catch (SAXParseException e) {
            throw new MalformedResponseException("malformed XML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (XmlRefusedException e) {
            throw new MalformedResponseException(e.getMessage(), e);
        } catch (SAXException | IOException e) {
            throw new MalformedResponseException("cannot read XML: " + e.getMessage(), e);
        }
    }

    /** Text of the first child element with this local name, trimmed; null when absent. */
    public static String childText(Element parent, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element e && localName.equals(localNameOf(e))) {
                String text = e.getTextContent();
                return text == null ? null : text.trim();
            }
        }
        return null;
    }

    /** The first child element with this local name, or null. */
    public static Element child(Element parent, String localName) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element e && localName.equals(localNameOf(e))) {
                return e;
            }
        }
        return null;
    }

    /** The child elements with this local name, in document order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localNameOf(e))) {
                found.add(e);
            }
        }
        return found;
    }

    public static String localNameOf(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
