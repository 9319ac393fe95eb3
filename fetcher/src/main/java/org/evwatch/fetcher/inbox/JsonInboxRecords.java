package org.evwatch.fetcher.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.evwatch.events.ContentTypes;
import org.evwatch.fetcher.split.JsonRecords;
import org.evwatch.fetcher.split.MalformedResponseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON files of the inbox: a search or works response is split into one record per paper, each kept as the
 * exact text of its object (a Europe PMC {@code resultList.result}, a Crossref {@code message.items}, a bioRxiv
 * {@code collection}); a single record (a Europe PMC result, a Crossref work or {@code {"message": work}}) stays one,
 * as the whole file.
 */
final class JsonInboxRecords {

    /** Where a format keeps its list of records, and how it is named in ids. */
    private record Layout(String format, String[] listPath) {
    }

    private JsonInboxRecords() {
    }

    static List<InboxRecord> split(String text, String type) throws MalformedResponseException,
            UnreadableFileException {
        Layout layout = switch (type) {
            case ContentTypes.EUROPEPMC_JSON -> new Layout("europepmc", new String[]{"resultList", "result"});
            case ContentTypes.CROSSREF_JSON -> new Layout("crossref", new String[]{"message", "items"});
            default -> new Layout("biorxiv", new String[]{"collection"});
        };
        JsonRecords.Split split = JsonRecords.split(text, layout.listPath());
        if (!hasList(split.tree(), layout.listPath())) {
            JsonNode record = type.equals(ContentTypes.CROSSREF_JSON) && split.tree().has("message")
                    ? split.tree().get("message")
                    : split.tree();
            return List.of(new InboxRecord(id(layout.format(), record, text), type, text));
        }
        if (split.raw().size() != split.items().size()) {
            throw new MalformedResponseException("found " + split.items().size() + " records but could cut out "
                    + split.raw().size());
        }
        List<InboxRecord> records = new ArrayList<>();
        for (int i = 0; i < split.items().size(); i++) {
            String raw = split.raw().get(i);
            records.add(new InboxRecord(id(layout.format(), split.items().get(i), raw), type, raw));
        }
        return InboxRecords.nonEmpty(records, "the " + layout.format() + " response in the file holds no record");
    }

    private static boolean hasList(JsonNode tree, String[] path) {
        JsonNode node = tree;
        for (String field : path) {
            node = node.path(field);
        }
        return node.isArray();
    }

    private static String id(String format, JsonNode r, String raw) {
        return switch (format) {
            case "europepmc" -> RecordIds.of(format, raw, RecordIds.doi(text(r, "doi")), RecordIds.pmid(text(r,
                    "pmid")), RecordIds.pmcid(text(r, "pmcid")), RecordIds.other(sourceOf(r), text(r, "id")));
            case "crossref" -> RecordIds.of(format, raw, RecordIds.doi(text(r, "DOI")));
            default -> RecordIds.of(format, raw, RecordIds.other("doi", versioned(r)));
        };
    }

    /** A bioRxiv DOI names every version of a preprint; each version is a record of its own. */
    private static String versioned(JsonNode r) {
        String doi = text(r, "doi");
        String version = text(r, "version");
        return doi == null
                ? null
                : version == null
                        ? doi.toLowerCase(Locale.ROOT)
                        : doi.toLowerCase(Locale.ROOT) + "v" + version;
    }

    /** Europe PMC's own id is unique within its source (MED, PMC, PPR…). */
    private static String sourceOf(JsonNode r) {
        String source = text(r, "source");
        return source == null ? "id" : source.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }
}
