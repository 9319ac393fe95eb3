package org.evwatch.fetcher.split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Splits an XML response into its records, each kept as the exact text received. The whole document is parsed
 * first, so that a truncated or broken response is rejected before any record of it is used. The namespace
 * declarations of the root element are copied onto each record, so that a feed item using {@code dc:} or an Atom
 * entry in the Atom namespace still parses on its own.
 */
public final class XmlRecords {

    private static final Pattern XMLNS = Pattern.compile("\\s(xmlns(?::[^\\s=]+)?)\\s*=");

    private XmlRecords() {
    }

    /** The elements named {@code names} (not nested in each other), in document order. */
    public static List<String> split(String xml, Set<String> names) throws MalformedResponseException {
        return split(xml, XmlDocuments.parse(xml), names);
    }

    /** As {@link #split(String, Set)}, for a caller that has parsed {@code xml} already. */
    public static List<String> split(String xml, Document parsed, Set<String> names)
            throws MalformedResponseException {
        Map<String, String> rootNamespaces = namespaces(xml, parsed.getDocumentElement());
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

    /**
     * The root's xmlns declarations, in the order the start tag has them (a DOM keeps attributes sorted by name, so
     * the order is read from the text, the values from the parsed root).
     */
    private static Map<String, String> namespaces(String xml, Element root) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        Matcher m = XMLNS.matcher(rootStartTag(xml));
        while (m.find()) {
            Attr attr = root.getAttributeNode(m.group(1));
            if (attr != null) {
                namespaces.put(attr.getName(), attr.getValue());
            }
        }
        return namespaces;
    }

    /** The text of the first start tag past the prolog (declaration, comments, processing instructions, DOCTYPE). */
    private static String rootStartTag(String xml) {
        int i = xml.indexOf('<');
        while (i >= 0 && i + 1 < xml.length() && (xml.charAt(i + 1) == '?' || xml.charAt(i + 1) == '!')) {
            i = xml.indexOf('<', xml.startsWith("<!--", i) ? skipPast(xml, i, "-->") : i + 1);
        }
        if (i < 0) {
            return "";
        }
        int end = xml.indexOf('>', i);
        return end < 0 ? xml.substring(i) : xml.substring(i, end);
    }
}
