package org.evwatch.fetcher.split;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Splits an XML response into its records, each kept as the exact text received. The whole document is parsed
 * first, so that a truncated or broken response is rejected before any record of it is used. The namespace
 * declarations of the root element are copied onto each record, so that a feed item using {@code dc:} or an Atom
 * entry in the Atom namespace still parses on its own.
 */
public final class XmlRecords {

    private XmlRecords() {
    }

    /** The elements named {@code names} (not nested in each other), in document order. */
    public static List<String> split(String xml, Set<String> names) throws MalformedResponseException {
        Map<String, String> rootNamespaces = checkWellFormed(xml == null ? null : XmlDocuments.withoutBom(xml));
        List<String> records = new ArrayList<>();
        int i = 0;
        while (i < xml.length()) {
            int lt = xml.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (xml.startsWith("<![CDATA[", lt)) {
                i = skipPast(xml, lt, "]]>");
                continue;
            }
            if (xml.startsWith("<!--", lt)) {
                i = skipPast(xml, lt, "-->");
                continue;
            }
            String name = nameAt(xml, lt + 1);
            if (names.contains(name)) {
                int end = endOf(xml, lt, name);
                records.add(withNamespaces(xml.substring(lt, end), name, rootNamespaces));
                i = end;
            } else {
                i = lt + 1;
            }
        }
        return records;
    }

    private static int endOf(String xml, int start, String name) throws MalformedResponseException {
        int gt = xml.indexOf('>', start);
        if (gt > 0 && xml.charAt(gt - 1) == '/') {
            return gt + 1;
        }
        String close = "</" + name;
        int i = gt;
        while (i >= 0 && i < xml.length()) {
            int lt = xml.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (xml.startsWith("<![CDATA[", lt)) {
                i = skipPast(xml, lt, "]]>");
            } else if (xml.startsWith("<!--", lt)) {
                i = skipPast(xml, lt, "-->");
            } else if (xml.startsWith(close, lt) && nameAt(xml, lt + 2).equals(name)) {
                return xml.indexOf('>', lt) + 1;
            } else {
                i = lt + 1;
            }
        }
        throw new MalformedResponseException("element <" + name + "> is not closed");
    }

    private static int skipPast(String xml, int from, String marker) {
        int end = xml.indexOf(marker, from);
        return end < 0 ? xml.length() : end + marker.length();
    }

    private static String nameAt(String xml, int from) {
        int i = from;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (Character.isWhitespace(c) || c == '>' || c == '/') {
                break;
            }
            i++;
        }
        return xml.substring(from, i);
    }

    private static String withNamespaces(String element, String name, Map<String, String> rootNamespaces) {
        if (rootNamespaces.isEmpty()) {
            return element;
        }
        int tagEnd = element.indexOf('>');
        String startTag = element.substring(0, tagEnd);
        StringBuilder extra = new StringBuilder();
        rootNamespaces.forEach((attr, uri) -> {
            if (!startTag.contains(attr + "=")) {
                extra.append(' ').append(attr).append("=\"").append(escape(uri)).append('"');
            }
        });
        if (extra.isEmpty()) {
            return element;
        }
        int insertAt = 1 + name.length();
        return element.substring(0, insertAt) + extra + element.substring(insertAt);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /** Parses the whole document without fetching its DTD, and returns the root's xmlns declarations. */
    private static Map<String, String> checkWellFormed(String xml) throws MalformedResponseException {
        if (xml == null || xml.isBlank()) {
            throw new MalformedResponseException("empty XML response");
        }
        Map<String, String> namespaces = new LinkedHashMap<>();
        try {
            SAXParser parser = parserFactory().newSAXParser();
            parser.parse(new InputSource(new StringReader(xml)), new DefaultHandler() {
                private boolean root = true;

                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (root) {
                        for (int a = 0; a < attributes.getLength(); a++) {
                            String attr = attributes.getQName(a);
                            if (attr.equals("xmlns") || attr.startsWith("xmlns:")) {
                                namespaces.put(attr, attributes.getValue(a));
                            }
                        }
                        root = false;
                    }
                }
            });
        } catch (SAXException e) {
            throw new MalformedResponseException("not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException | java.io.IOException e) {
            throw new MalformedResponseException("cannot read XML: " + e.getMessage(), e);
        }
        return namespaces;
    }

    private static SAXParserFactory parserFactory() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        // Namespace-unaware on purpose: xmlns attributes stay visible, and no DTD or entity is ever fetched.
        f.setNamespaceAware(false);
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        return f;
    }
}
