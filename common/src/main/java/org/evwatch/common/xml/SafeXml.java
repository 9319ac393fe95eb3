package org.evwatch.common.xml;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one way the project reads XML, all of which comes from outside (API responses, inbox files, feeds, corpora).
 * Nothing is ever fetched: no external DTD, entity or schema (XXE). A document that declares anything itself (a
 * DOCTYPE with an internal subset: entities, elements, attribute lists) is refused, and entity expansion is capped
 * far below what a billion-laughs document needs before that refusal is reached. A plain DOCTYPE that only names a
 * DTD, as PubMed and JATS files carry, is accepted and its DTD is not read.
 */
public final class SafeXml {

    /** Far below the JDK's 64,000: no accepted document declares an entity, so expanding any is already suspect. */
    private static final String ENTITY_EXPANSION_LIMIT = "100";

    /** The code the JDK's parser starts its message with when a processing limit (entity expansion, size) is hit. */
    private static final String JDK_LIMIT = "JAXP0001";

    private static final DocumentBuilderFactory FACTORY = factory();

    private SafeXml() {
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
        f.setAttribute("jdk.xml.entityExpansionLimit", ENTITY_EXPANSION_LIMIT);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        f.setValidating(false);
        return f;
    }

    /**
     * A new builder on the hardened settings. Not thread-safe; a caller parsing often may keep one per thread and
     * hand it to {@link #parse(DocumentBuilder, String)}.
     */
    public static DocumentBuilder newDocumentBuilder() {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            // The default handler prints to stderr; errors reach the caller as exceptions instead.
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            // Belt and braces: should anything still ask for an external entity, it reads as empty.
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create an XML parser", e);
        }
    }

    /** Parses {@code xml} (a leading byte order mark is ignored) with a builder of its own. */
    public static Document parse(String xml) throws SAXException, IOException {
        return parse(newDocumentBuilder(), xml);
    }

    /** Parses {@code xml} (a leading byte order mark is ignored) with {@code builder}, which is reset first. */
    public static Document parse(DocumentBuilder builder, String xml) throws SAXException, IOException {
        return parse(builder, new InputSource(new StringReader(withoutBom(xml))));
    }

    /** Parses {@code source} with {@code builder}, which is reset first. */
    public static Document parse(DocumentBuilder builder, InputSource source) throws SAXException, IOException {
        builder.reset();
        Document document;
        try {
            document = builder.parse(source);
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(JDK_LIMIT)) {
                // The JDK's own wording names a limit but not why a document would reach it.
                throw new XmlRefusedException("the document expands entities past the parser's limits, as an "
                        + "entity-expansion attack ('billion laughs') does (" + e.getMessage() + ")");
            }
            throw e;
        }
        DocumentType doctype = document.getDoctype();
        if (doctype != null && doctype.getInternalSubset() != null && !doctype.getInternalSubset().isBlank()) {
            throw new XmlRefusedException("the DOCTYPE declares an internal subset (<!ENTITY>, <!ELEMENT>, ...); "
                    + "documents that declare entities or elements are refused");
        }
        return document;
    }

    /** The text without a leading byte order mark, which some servers send and a parser of text rejects. */
    public static String withoutBom(String xml) {
        return !xml.isEmpty() && xml.charAt(0) == '\uFEFF' ? xml.substring(1) : xml;
    }
}
