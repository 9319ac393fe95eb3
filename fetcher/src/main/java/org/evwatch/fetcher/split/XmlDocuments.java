package org.evwatch.fetcher.split;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Small DOM helpers for responses: parsing that never fetches a DTD, and reading child text. */
public final class XmlDocuments {

    private XmlDocuments() {
    }

    public static Document parse(String xml) throws MalformedResponseException {
        if (xml == null || xml.isBlank()) {
            throw new MalformedResponseException("empty XML response");
        }
        String text = withoutBom(xml);
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setExpandEntityReferences(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new InputSource(new StringReader(text)));
        } catch (SAXException e) {
            throw new MalformedResponseException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | IOException e) {
            throw new MalformedResponseException("cannot read XML: " + e.getMessage(), e);
        }
    }

    /** The text without a leading byte order mark, which some servers send and a parser of text rejects. */
    public static String withoutBom(String xml) {
        return xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
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

    public static String localNameOf(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
