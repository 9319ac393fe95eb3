package org.evwatch.indexer.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.testing.BadRecords;
import org.evwatch.testing.DeadLetterChecks;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One polled batch that mixes good records with bad ones and with several records of the same paper: the good ones
 * reach the catalog and the search index once, each bad one reaches the dead-letter topic alone with its origin,
 * and every new paper version is announced once. The records are produced as one record batch on one partition, so
 * the indexer's poll returns them together.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class MixedBatchIT {

    private static final String PREFIX = "10.5555/evwatch.mixed.";
    private final PaperIndexedDeserializer reader = new PaperIndexedDeserializer();

    /** The same paper (same DOI and PMID) as reported by another source. */
    static PaperExtracted fromSource(PaperExtracted record, String source) {
        SourceRecord s = record.source();
        return new PaperExtracted(record.schemaVersion(), record.paperKey(), record.extractorVersion(),
                new SourceRecord(source, s.sourceRecordId(), ContentTypes.PUBMED_XML, "def",
                        Instant.parse("2025-06-03T00:00:00Z"), null, s.watchId()),
                record.paper(), record.entities(), record.summary(), record.extractedAt());
    }

    @Test
    void goodRecordsOnceBadOnesParkedAloneEachVersionAnnouncedOnce() {
        PaperExtracted a = IndexerKafkaIT.extracted(PREFIX + "a", "99710001", "Exosomal miR-21 in glioma");
        PaperExtracted b = IndexerKafkaIT.extracted(PREFIX + "b", "99710002", "Plasma vesicles in colorectal cancer");
        PaperExtracted d = IndexerKafkaIT.extracted(PREFIX + "d", "99710004", "Urinary exosomes in prostate cancer");
        // PostgreSQL refuses a NUL character in text: this record decodes, but fails the catalog's transaction.
        PaperExtracted nul = IndexerKafkaIT.extracted(PREFIX + "c", "99710003", "Broken \u0000 title");
        BadRecords.Bad garbage = bad("garbage");
        BadRecords.Bad missing = bad("missing-field");

        List<Map.Entry<String, byte[]>> batch = List.of(entry(a), Map.entry(garbage.key(), garbage.value()),
                entry(b), Map.entry(missing.key(), missing.value()), entry(a), entry(nul),
                entry(fromSource(a, "crossref")), entry(b), entry(d));
        try (KafkaConsumer<String, byte[]> dlq = TestKafka.consumer(Topics.PAPERS_EXTRACTED_DLQ);
                KafkaConsumer<String, byte[]> indexed = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
            List<RecordMetadata> at = TestKafka.sendTogether(Topics.PAPERS_EXTRACTED, 0, batch);
            BadRecords.Bad broken = new BadRecords.Bad("nul-character", entry(nul).getKey(), entry(nul).getValue(),
                    "0x00", "org.hibernate.exception.DataException");
            DeadLetterChecks.assertAllDeadLettered(dlq, List.of(sent(garbage, at.get(1)), sent(missing, at.get(3)),
                    sent(broken, at.get(5))), Duration.ofSeconds(60));

            Map<String, Integer> announced = announcements(indexed, "doi:" + PREFIX + "d");
            assertThat(announced).containsExactly(Map.entry("doi:" + PREFIX + "a v1", 1),
                    Map.entry("doi:" + PREFIX + "a v2", 1), Map.entry("doi:" + PREFIX + "b v1", 1),
                    Map.entry("doi:" + PREFIX + "d v1", 1));
        }
        given().get("/internal/v1/papers/doi:" + PREFIX + "a").then().statusCode(200).body("version", equalTo(2))
                .body("sources", hasSize(2));
        given().get("/internal/v1/papers/doi:" + PREFIX + "b").then().statusCode(200).body("version", equalTo(1));
        given().get("/internal/v1/papers/doi:" + PREFIX + "c").then().statusCode(404);
        for (String paper : List.of("a", "b", "d")) {
            given().queryParam("q", "doi:\"" + PREFIX + paper + "\"").get("/internal/v1/search").then()
                    .statusCode(200).body("total", equalTo(1)).body("hits[0].id", equalTo("doi:" + PREFIX + paper));
        }
    }

    /**
     * The announcements of this test's papers, counted per paper id and version, from the first until a quiet few
     * seconds after {@code last} was announced. Each must be searchable as soon as it is announced.
     */
    private Map<String, Integer> announcements(KafkaConsumer<String, byte[]> indexed, String last) {
        Map<String, Integer> counts = new TreeMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long quietUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            for (ConsumerRecord<String, byte[]> r : indexed.poll(Duration.ofMillis(200))) {
                PaperIndexed event = reader.deserialize(r.topic(), r.value());
                if (!event.paperId().startsWith("doi:" + PREFIX)) {
                    continue;
                }
                given().queryParam("q", "doi:\"" + event.paper().ids().doi() + "\"").get("/internal/v1/search")
                        .then().body("total", equalTo(1));
                counts.merge(event.paperId() + " v" + event.version(), 1, Integer::sum);
                if (event.paperId().equals(last)) {
                    quietUntil = System.nanoTime() + Duration.ofSeconds(4).toNanos();
                }
            }
        }
        return counts;
    }

    private static BadRecords.Bad bad(String kind) {
        return BadRecords.forTopic(Topics.PAPERS_EXTRACTED, "mixed-batch").stream()
                .filter(b -> b.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static DeadLetterChecks.Sent sent(BadRecords.Bad bad, RecordMetadata at) {
        return new DeadLetterChecks.Sent(bad, at.topic(), at.partition(), at.offset());
    }

    private static Map.Entry<String, byte[]> entry(PaperExtracted record) {
        return Map.entry(record.paperKey(), EventJson.write(record));
    }
}
