package org.evwatch.extractor.parse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Jackson tree reading with the null-safety the source APIs need: any field may be missing, null or a scalar. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(String payload, String format) throws ParseException {
        try {
            // a file saved by a Windows editor may start with a byte order mark, which JSON does not allow
            JsonNode node = MAPPER.readTree(Xml.stripBom(payload));
            if (node == null || node.isMissingNode()) {
                throw new ParseException(format + ": empty payload");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ParseException(format + ": malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ParseException(format + ": unreadable JSON: " + e.getMessage(), e);
        }
    }

    /** Follows field names; a missing step gives a missing node, never null. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n == null ? null : n.path(p);
        }
        return n;
    }

    /** A scalar as cleaned text; null for missing, JSON null, objects, arrays and "NA". */
    static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n == null || !n.isValueNode() || n.isNull()) {
            return null;
        }
        String t = Texts.clean(n.asText());
        return t == null || "NA".equals(t) ? null : t;
    }

    /** A field that may be a single value or an array: Crossref titles are arrays of one. */
    static String firstText(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n != null && n.isArray()) {
            for (JsonNode e : n) {
                String t = text(e);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }
        return text(n);
    }

    /** The elements of an array, or the single object when a source collapses one-element lists. */
    static List<JsonNode> list(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        List<JsonNode> out = new ArrayList<>();
        if (n == null || n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(out::add);
        } else {
            out.add(n);
        }
        return out;
    }

    /**
     * The records of a response: the list at {@code listPath} when the container has one, the elements of a bare
     * array, or the container itself as a single record. {@code expected} starts the error for anything else.
     */
    static List<JsonNode> records(JsonNode container, String expected, String... listPath) throws ParseException {
        if (!container.isObject() && !container.isArray()) {
            throw new ParseException(expected + ", found " + container.getNodeType());
        }
        if (container.has(listPath[0])) {
            return list(container, listPath);
        }
        return container.isArray() ? list(container) : List.of(container);
    }

    static List<String> texts(JsonNode node, String... path) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list(node, path)) {
            String t = text(n);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }
}
