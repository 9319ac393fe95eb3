package org.evwatch.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Summary;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.MalformedEventException;

/**
 * Records no consumer of a topic may pass on or retry: each must reach the consumer's dead-letter topic. The same
 * kinds for every topic: garbage bytes, an empty value, a tombstone, JSON that is no event (null, an array), an event
 * missing a required field, with a wrong type, with an unknown enum value, with a huge identifier, with text after
 * it, with a field given twice, with non-UTF-8 text, and from an unknown schema version.
 */
public final class BadRecords {

    /** The class a consumer names in {@code dead-letter-exception-class-name} when a record is not an event. */
    public static final String MALFORMED = MalformedEventException.class.getName();

    /**
     * One bad record.
     *
     * @param kind what is wrong, for messages
     * @param key the record key, unique to this record
     * @param value the value as produced, null for a tombstone
     * @param reason a regular expression the dead-letter reason must contain
     * @param exceptionClass the exception class the consumer must report
     */
    public record Bad(String kind, String key, byte[] value, String reason, String exceptionClass) {
    }

    private BadRecords() {
    }

    /** The bad records for a topic's consumer, keyed {@code <prefix>-<kind>}. */
    public static List<Bad> forTopic(String topic, String prefix) {
        ObjectNode good = EventJson.mapper().valueToTree(goodEvent(topic));
        String type = good.has("paperId") ? "PaperIndexed" : good.has("paperKey") ? "PaperExtracted" : "PaperFetched";
        String idField = good.has("paperId") ? "paperId" : good.has("paperKey") ? "paperKey" : "sourceRecordId";
        List<Bad> bad = new ArrayList<>();
        Adder add = (kind, value, reason) -> bad.add(new Bad(kind, prefix + "-" + kind, value, reason, MALFORMED));
        add.add("garbage", garbage(), "not valid JSON");
        add.add("empty", new byte[0], type + " record is empty");
        add.add("tombstone", null, type + " record has no value");
        add.add("json-null", bytes("null"), "JSON null");
        add.add("array", bytes("[1, 2, 3]"), "wrong shape at '\\$'");
        add.add("missing-field", changed(good, g -> g.remove(idField)), "missing required field '" + idField + "'");
        add.add("wrong-type", changed(good, g -> g.putObject("schemaVersion")), "wrong shape at 'schemaVersion'");
        add.add("text-number", changed(good, g -> g.put("schemaVersion", "1")), "'schemaVersion'");
        add.add("huge-string", changed(good, g -> g.put(idField, "x".repeat(900_000))),
                "field '" + idField + "' is 900000 characters long");
        add.add("wrong-version", changed(good, g -> g.put("schemaVersion", 99)), "unsupported schemaVersion 99");
        add.add("trailing-data", bytes(good + " {\"more\": true}"), "Trailing token");
        add.add("duplicate-field", duplicated(good, idField), "Duplicate field '" + idField + "'");
        add.add("latin1", latin1(changed(good, g -> g.put(idField, "M\u00fcller"))), "Invalid UTF-8");
        unknownValue(topic, good, prefix, bad);
        return bad;
    }

    /** An enum value no reader knows; papers.fetched has no enum, so its record names a content type none reads. */
    private static void unknownValue(String topic, ObjectNode good, String prefix, List<Bad> bad) {
        String key = prefix + "-unknown-value";
        switch (topic) {
            case Topics.PAPERS_FETCHED -> bad.add(new Bad("unknown-value", key, changed(good,
                    g -> g.put("contentType", "application/x-unknown").put("payload",
                            "{\"neither\": \"a paper nor a feed\"}")),
                    "unsupported content: declared 'application/x-unknown'",
                    "org.evwatch.extractor.parse.ParseException"));
            case Topics.PAPERS_EXTRACTED -> bad.add(new Bad("unknown-value", key, changed(good,
                    g -> ((ObjectNode) g.withArray("entities").get(0)).put("type", "PLANET")),
                    "bad value for field 'entities\\[0\\].type'", MALFORMED));
            default -> bad.add(new Bad("unknown-value", key, changed(good, g -> g.put("change", "DELETED")),
                    "bad value for field 'change'", MALFORMED));
        }
    }

    /** A valid event of the topic's type, the base the bad ones are changed from. */
    public static Object goodEvent(String topic) {
        Paper paper = new Paper(new Paper.Identifiers("10.5555/evwatch.bad.0001", null, null, null, null),
                "A valid paper", null, null, null, null, null, null, null, null, null, null, null);
        Instant at = Instant.parse("2025-06-01T00:00:00Z");
        return switch (topic) {
            case Topics.PAPERS_FETCHED -> new PaperFetched(PaperFetched.SCHEMA_VERSION, "test", "99900001",
                    ContentTypes.PUBMED_XML, "<PubmedArticle/>", "abc", false, at, "test://bad", "ev-cancer");
            case Topics.PAPERS_EXTRACTED -> new PaperExtracted(PaperExtracted.SCHEMA_VERSION, "doi:10.5555/x",
                    "1.0.0", new SourceRecord("test", "99900001", ContentTypes.PUBMED_XML, "abc", at, null, "w"),
                    paper, List.of(new Entity(EntityType.DISEASE, "MESH:D009369", "MESH", "cancer", null, null)),
                    Summary.NONE, at);
            case Topics.PAPERS_INDEXED -> new PaperIndexed(PaperIndexed.SCHEMA_VERSION, "doi:10.5555/x",
                    PaperIndexed.Change.CREATED, 1, at, paper, null, null, List.of("test"));
            default -> throw new IllegalArgumentException("no event type for topic " + topic);
        };
    }

    private interface Adder {
        void add(String kind, byte[] value, String reason);
    }

    private static byte[] changed(ObjectNode good, Consumer<ObjectNode> change) {
        ObjectNode copy = good.deepCopy();
        change.accept(copy);
        return bytes(copy.toString());
    }

    /** The identifier given twice: JSON that parses, but says two things. */
    private static byte[] duplicated(ObjectNode good, String idField) {
        String json = good.toString();
        return bytes("{\"" + idField + "\":\"other\"," + json.substring(1));
    }

    /** The same text in Latin-1 rather than UTF-8. */
    private static byte[] latin1(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Seeded, so a failure is the same on every run; starts with a byte no JSON starts with. */
    private static byte[] garbage() {
        byte[] b = new byte[256];
        new Random(42).nextBytes(b);
        b[0] = (byte) 0xC3;
        b[1] = 0x28;
        return b;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
