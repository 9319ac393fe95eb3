package org.evwatch.fetcher.split;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Splits a JSON response into the objects of one array, each kept as the exact text received (the same bytes,
 * not a re-serialisation), next to the parsed tree for reading paging fields and ids.
 */
public final class JsonRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /**
     * @param tree the whole response, parsed
     * @param items the array's objects as parsed, in order
     * @param raw the same objects as received
     */
    public record Split(JsonNode tree, List<JsonNode> items, List<String> raw) {
    }

    private JsonRecords() {
    }

    /**
     * Parses {@code json} and splits the array at {@code path} (object field names from the root). A missing array
     * means no records; a body that does not parse is rejected whole. With no path, the root is the array, or a
     * single object is the one record.
     */
    public static Split split(String json, String... path) throws MalformedResponseException {
        if (json == null || json.isBlank()) {
            throw new MalformedResponseException("empty JSON response");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new MalformedResponseException("not valid JSON: " + e.getMessage(), e);
        }
        if (path.length == 0 && tree != null && tree.isObject()) {
            // a single record where a list was allowed
            return new Split(tree, List.of(tree), List.of(json.strip()));
        }
        if (tree == null || !tree.isObject() && !(path.length == 0 && tree.isArray())) {
            throw new MalformedResponseException("JSON response is not an object");
        }
        JsonNode array = tree;
        for (String field : path) {
            array = array.path(field);
        }
        if (array.isMissingNode() || array.isNull()) {
            return new Split(tree, List.of(), List.of());
        }
        if (!array.isArray()) {
            throw new MalformedResponseException("'" + String.join(".", path) + "' is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return new Split(tree, items, rawElements(json, path));
    }

    private static List<String> rawElements(String json, String[] path) throws MalformedResponseException {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            for (String field : path) {
                if (!descendInto(p, field)) {
                    return List.of();
                }
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                return List.of();
            }
            List<String> raw = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int start = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                int end = (int) p.currentLocation().getCharOffset();
                raw.add(json.substring(start, end));
            }
            return raw;
        } catch (IOException e) {
            throw new MalformedResponseException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Moves from an object's START_OBJECT to the value of {@code field}, skipping other fields. */
    private static boolean descendInto(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return false;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals(field)) {
                return true;
            }
            p.skipChildren();
        }
        return false;
    }
}
