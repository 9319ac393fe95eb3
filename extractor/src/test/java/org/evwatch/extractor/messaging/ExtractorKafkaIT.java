package org.evwatch.extractor.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.PaperExtractedDeserializer;
import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.testing.DeadLetterChecks;
import org.evwatch.testing.Scrape;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The extractor between the real topics: good records come out, poison records are parked, nothing blocks. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class ExtractorKafkaIT {

    static String article(String pmid, String doi, String title) {
        return """
                <PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">%s</PMID>
                <Article><Journal><JournalIssue><Volume>9</Volume><PubDate><Year>2025</Year><Month>Mar</Month></PubDate>
                </JournalIssue><Title>Journal of extracellular vesicles</Title></Journal>
                <ArticleTitle>%s</ArticleTitle>
                <ELocationID EIdType="doi" ValidYN="Y">%s</ELocationID>
                <Abstract><AbstractText Label="RESULTS">Serum exosomes carried miR-1246.</AbstractText></Abstract>
                <AuthorList><Author><LastName>Okafor</LastName><ForeName>Ada</ForeName></Author></AuthorList>
                </Article></MedlineCitation></PubmedArticle>""".formatted(pmid, title, doi);
    }

    static byte[] fetched(String id, String payload) {
        return EventJson.write(new PaperFetched(PaperFetched.SCHEMA_VERSION, "test", id, ContentTypes.PUBMED_XML,
                payload, PaperKeys.sha256(payload), false, Instant.now(), "test://" + id, "ev-cancer"));
    }

    @Test
    void fetchedRecordComesOutExtractedKeyedByDoi() {
        try (KafkaConsumer<String, byte[]> out = TestKafka.consumer(Topics.PAPERS_EXTRACTED)) {
            TestKafka.send(Topics.PAPERS_FETCHED, "99200001", fetched("99200001",
                    article("99200001", "10.5555/EVWATCH.TEST.0101", "Serum exosomal miR-1246 in ovarian cancer")));
            ConsumerRecord<String, byte[]> r = TestKafka.await(out, rec -> "doi:10.5555/evwatch.test.0101"
                    .equals(rec.key()), Duration.ofSeconds(20));
            PaperExtracted extracted = new PaperExtractedDeserializer().deserialize(r.topic(), r.value());
            assertThat(extracted.paper().title()).isEqualTo("Serum exosomal miR-1246 in ovarian cancer");
            assertThat(extracted.paper().ids().pmid()).isEqualTo("99200001");
            assertThat(extracted.paper().ids().doi()).isEqualTo("10.5555/evwatch.test.0101");
            assertThat(extracted.paper().authors().get(0).family()).isEqualTo("Okafor");
            assertThat(extracted.source().sourceRecordId()).isEqualTo("99200001");
            assertThat(extracted.extractorVersion()).isEqualTo(org.evwatch.extractor.ExtractorVersion.CURRENT);
            assertThat(extracted.entities()).extracting(e -> e.type())
                    .contains(org.evwatch.events.EntityType.EV_SUBTYPE, org.evwatch.events.EntityType.DISEASE);
            assertThat(extracted.summary().relevance()).isNotNull();
        }
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheNextGoodRecordStillComesOut() {
        try (KafkaConsumer<String, byte[]> dlq = TestKafka.consumer(Topics.PAPERS_FETCHED_DLQ);
                KafkaConsumer<String, byte[]> out = TestKafka.consumer(Topics.PAPERS_EXTRACTED)) {
            TestKafka.send(Topics.PAPERS_FETCHED, "not-json", "{this is not json".getBytes(StandardCharsets.UTF_8));
            TestKafka.send(Topics.PAPERS_FETCHED, "99200003", fetched("99200003", "<PubmedArticle><Medline"));
            TestKafka.send(Topics.PAPERS_FETCHED, "99200002", fetched("99200002",
                    article("99200002", "10.5555/evwatch.test.0102", "Plasma small EVs in glioblastoma")));

            ConsumerRecord<String, byte[]> notJson = TestKafka.await(dlq, r -> "not-json".equals(r.key()),
                    Duration.ofSeconds(20));
            assertThat(new String(notJson.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not json");
            assertThat(reason(notJson)).contains("not valid JSON");

            ConsumerRecord<String, byte[]> truncated = TestKafka.await(dlq, r -> "99200003".equals(r.key()),
                    Duration.ofSeconds(20));
            assertThat(reason(truncated)).isNotBlank();

            TestKafka.await(out, r -> "doi:10.5555/evwatch.test.0102".equals(r.key()), Duration.ofSeconds(20));
        }
    }

    @Test
    void everyKindOfBadRecordIsParkedWithItsOriginAndAGoodRecordAfterThemStillComesOut() {
        try (KafkaConsumer<String, byte[]> dlq = TestKafka.consumer(Topics.PAPERS_FETCHED_DLQ);
                KafkaConsumer<String, byte[]> out = TestKafka.consumer(Topics.PAPERS_EXTRACTED)) {
            Scrape before = metrics();
            List<DeadLetterChecks.Sent> sent = DeadLetterChecks.produce(Topics.PAPERS_FETCHED, "bad-fetched");
            TestKafka.send(Topics.PAPERS_FETCHED, "99200004", fetched("99200004",
                    article("99200004", "10.5555/evwatch.test.0104", "Urinary EVs in prostate cancer")));

            DeadLetterChecks.assertAllDeadLettered(dlq, sent, Duration.ofSeconds(60));
            TestKafka.await(out, r -> "doi:10.5555/evwatch.test.0104".equals(r.key()), Duration.ofSeconds(30));
            // each parked record counted once, by the failure strategy every consumer shares
            Scrape after = metrics();
            String deadLettered = PipelineMetric.RECORDS_DEAD_LETTERED.prometheusName();
            assertThat(after.sum(deadLettered, "topic", Topics.PAPERS_FETCHED) - before.sum(deadLettered, "topic",
                    Topics.PAPERS_FETCHED)).isEqualTo(sent.size());
            String in = PipelineMetric.RECORDS_IN.prometheusName();
            assertThat(after.sum(in, "topic", Topics.PAPERS_FETCHED) - before.sum(in, "topic", Topics.PAPERS_FETCHED))
                    .isGreaterThanOrEqualTo(sent.size() + 1);
            String extracted = PipelineMetric.EXTRACTION.prometheusName() + "_count";
            assertThat(after.sum(extracted, "outcome", "ok") - before.sum(extracted, "outcome", "ok"))
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static String reason(ConsumerRecord<String, byte[]> r) {
        var header = r.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER);
        assertThat(header).as("dead-letter reason header").isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Scrape metrics() {
        return Scrape.of(io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
