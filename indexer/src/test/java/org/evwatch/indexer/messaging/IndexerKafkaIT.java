package org.evwatch.indexer.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.testing.DeadLetterChecks;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The indexer between the real topics and the real PostgreSQL catalog. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class IndexerKafkaIT {

    static PaperExtracted extracted(String doi, String title) {
        return extracted(doi, "99300001", title);
    }

    static PaperExtracted extracted(String doi, String pmid, String title) {
        Paper paper = new Paper(new Paper.Identifiers(doi, pmid, null, null, null), title,
                List.of(new Paper.AbstractSection(null, "Tumour-derived exosomes carry PD-L1.")),
                List.of(new Paper.Author("Lena", "Fischer", null, null, List.of())), null,
                new Paper.PaperDates(null, null, "2025-06-01", null), null, null, null, null, null, null, null);
        return new PaperExtracted(1, "doi:" + doi, "1.0.0", new SourceRecord("test", pmid,
                ContentTypes.PUBMED_XML, "abc", Instant.parse("2025-06-02T00:00:00Z"), null, "ev-cancer"), paper,
                List.of(), null, Instant.now());
    }

    @Test
    void extractedPaperIsStoredServedAndAnnouncedOnce() {
        String doi = "10.5555/evwatch.test.0301";
        try (KafkaConsumer<String, byte[]> indexed = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
            TestKafka.send(Topics.PAPERS_EXTRACTED, "doi:" + doi,
                    EventJson.write(extracted(doi, "Exosomal PD-L1 in melanoma")));
            ConsumerRecord<String, byte[]> r = TestKafka.await(indexed, rec -> ("doi:" + doi).equals(rec.key()),
                    Duration.ofSeconds(20));
            PaperIndexed event = new PaperIndexedDeserializer().deserialize(r.topic(), r.value());
            assertThat(event.change()).isEqualTo(PaperIndexed.Change.CREATED);
            assertThat(event.version()).isEqualTo(1);

            given().get("/internal/v1/papers/doi:" + doi).then().statusCode(200)
                    .body("title", equalTo("Exosomal PD-L1 in melanoma")).body("version", equalTo(1));
            given().get("/internal/v1/papers/99300001").then().statusCode(200);
            // Near real time: searchable once the index refreshes (every second; the bound allows for a slow machine).
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> given().queryParam("q", "pd-l1 MELANOMA doi:\"" + doi + "\"")
                            .get("/internal/v1/search").then().statusCode(200)
                            .body("total", equalTo(1)).body("hits[0].id", equalTo("doi:" + doi)));

            // The same record again (a redelivery): nothing changes and nothing is announced.
            TestKafka.send(Topics.PAPERS_EXTRACTED, "doi:" + doi,
                    EventJson.write(extracted(doi, "Exosomal PD-L1 in melanoma")));
            assertThat(indexed.poll(Duration.ofSeconds(3))).noneMatch(rec -> ("doi:" + doi).equals(rec.key()));
            given().get("/internal/v1/papers/doi:" + doi).then().body("version", equalTo(1));
        }
        given().get("/internal/v1/papers/doi:10.5555/none").then().statusCode(404);
    }

    @Test
    void everyKindOfBadRecordIsParkedWithItsOriginAndAGoodRecordAfterThemIsStillIndexed() {
        String doi = "10.5555/evwatch.test.0302";
        try (KafkaConsumer<String, byte[]> dlq = TestKafka.consumer(Topics.PAPERS_EXTRACTED_DLQ);
                KafkaConsumer<String, byte[]> indexed = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
            List<DeadLetterChecks.Sent> sent = DeadLetterChecks.produce(Topics.PAPERS_EXTRACTED, "bad-extracted");
            TestKafka.send(Topics.PAPERS_EXTRACTED, "doi:" + doi,
                    EventJson.write(extracted(doi, "99300002", "Exosomal PD-L1 after bad records")));

            DeadLetterChecks.assertAllDeadLettered(dlq, sent, Duration.ofSeconds(60));
            TestKafka.await(indexed, rec -> ("doi:" + doi).equals(rec.key()), Duration.ofSeconds(30));
        }
    }

    @Test
    void malformedRecordGoesToTheDeadLetterTopic() {
        try (KafkaConsumer<String, byte[]> dlq = TestKafka.consumer(Topics.PAPERS_EXTRACTED_DLQ)) {
            TestKafka.send(Topics.PAPERS_EXTRACTED, "broken", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
            ConsumerRecord<String, byte[]> r = TestKafka.await(dlq, rec -> "broken".equals(rec.key()),
                    Duration.ofSeconds(20));
            assertThat(new String(r.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(),
                    StandardCharsets.UTF_8)).contains("missing required field 'paperKey'");
        }
    }
}
