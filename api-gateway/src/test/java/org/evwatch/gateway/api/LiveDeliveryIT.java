package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Topics;
import org.evwatch.gateway.testsupport.Papers;
import org.evwatch.gateway.testsupport.SseClient;
import org.evwatch.gateway.testsupport.WebhookReceiver;
import org.evwatch.testing.DeadLetterChecks;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * New papers published to the real broker reach live streams and webhooks. Webhooks go to a real receiver on
 * loopback that verifies every signature.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class LiveDeliveryIT {

    private static final String ADMIN = "test-admin-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile boolean consumerReady;

    @TestHTTPResource("/")
    String base;

    /**
     * Waits once until the gateway's consumer reads the topic, so the timing checks below measure delivery rather
     * than the consumer group's first join.
     */
    @BeforeEach
    void consumerReady() throws Exception {
        if (consumerReady) {
            return;
        }
        Papers.awaitConsumer(base);
        consumerReady = true;
    }

    @Test
    void theLiveStreamDeliversAMatchingPaperWithinTwoSeconds() throws Exception {
        try (SseClient stream = new SseClient(base + "api/v1/stream?q=glypican&entity=NCBIGene:2817")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            assertThat(stream.next(":", Duration.ofSeconds(15))).as("stream opened").isNotNull();

            Papers.publish(Papers.fresh("exosome-pdac", "Unrelated title about liposomes"));
            // Matches the words but not the entity filter: must not arrive.
            PaperIndexed other = Papers.fresh("exosome-pdac", "Glypican in liposomes");
            PaperIndexed noGene = new PaperIndexed(other.schemaVersion(), other.paperId(), other.change(),
                    other.version(), other.indexedAt(), other.paper(), List.of(), other.summary(), other.sources());
            Papers.publish(noGene);
            PaperIndexed paper = Papers.fresh("exosome-pdac", null);
            long sent = System.nanoTime();
            Papers.publish(paper);
            String data = stream.next("data:", Duration.ofSeconds(15));
            long millis = (System.nanoTime() - sent) / 1_000_000;
            assertThat(data).as("delivered").isNotNull();
            JsonNode event = JSON.readTree(data.substring(5).trim());
            assertThat(event.get("event").asText()).isEqualTo("paper.created");
            assertThat(event.at("/paper/id").asText()).as("only the matching paper, after %d ms", millis)
                    .isEqualTo(paper.paperId());
            assertThat(event.at("/paper/title").asText()).startsWith("Glypican-1 identifies");
            assertThat(event.has("subscription")).isFalse();
        }
    }

    /** papers.indexed may carry an announcement twice (its relay re-sends what it cannot prove was acknowledged). */
    @Test
    void anAnnouncementPublishedTwiceIsShownOnce() throws Exception {
        try (SseClient stream = new SseClient(base + "api/v1/stream?q=glypican")) {
            assertThat(stream.next(":", Duration.ofSeconds(15))).as("stream opened").isNotNull();
            PaperIndexed paper = Papers.fresh("exosome-pdac", null);
            Papers.publish(paper);
            Papers.publish(paper);
            String first = stream.next("data:", Duration.ofSeconds(15));
            assertThat(first).as("delivered").isNotNull();
            assertThat(JSON.readTree(first.substring(5).trim()).at("/paper/id").asText()).isEqualTo(paper.paperId());
            assertThat(stream.next("data:", Duration.ofSeconds(3))).as("the repeat is not shown").isNull();
        }
    }

    /**
     * A client that reconnects with the id of the last event it saw gets the matching papers announced while it was
     * away, each once and in order, then the live ones; a repeated announcement is not sent again.
     */
    @Test
    void aStreamResumedWithLastEventIdGetsWhatItMissedOnceAndInOrder() throws Exception {
        String url = base + "api/v1/stream?q=glypican";
        PaperIndexed seen = Papers.fresh("exosome-pdac", null);
        SseClient.Event last;
        try (SseClient stream = new SseClient(url)) {
            assertThat(stream.next(":", Duration.ofSeconds(15))).as("stream opened").isNotNull();
            Papers.publish(seen);
            last = stream.nextEvent(Duration.ofSeconds(15));
            assertThat(last).as("delivered").isNotNull();
            assertThat(last.id()).as("event ids are announcement numbers").matches("[0-9]+");
        }
        PaperIndexed missed1 = Papers.fresh("exosome-pdac", null);
        PaperIndexed missed2 = Papers.fresh("exosome-pdac", null);
        try (SseClient witness = new SseClient(url)) {
            assertThat(witness.next(":", Duration.ofSeconds(15))).isNotNull();
            Papers.publish(missed1);
            Papers.publish(Papers.fresh("exosome-pdac", "Liposomes without a match"));
            Papers.publish(seen);
            Papers.publish(missed2);
            assertThat(paperIds(witness, 2)).as("the gateway took them in").containsExactly(missed1.paperId(),
                    missed2.paperId());
        }
        try (SseClient resumed = new SseClient(url, last.id())) {
            assertThat(paperIds(resumed, 2)).as("the missed papers, in order").containsExactly(missed1.paperId(),
                    missed2.paperId());
            PaperIndexed live = Papers.fresh("exosome-pdac", null);
            Papers.publish(live);
            Papers.publish(missed1);
            assertThat(paperIds(resumed, 1)).as("then the live ones").containsExactly(live.paperId());
            assertThat(resumed.nextEvent(Duration.ofSeconds(3))).as("nothing twice").isNull();
        }
        try (SseClient foreign = new SseClient(url, "paper-1@3")) {
            assertThat(foreign.status()).as("an id it did not give resumes nothing").isEqualTo(200);
            assertThat(foreign.nextEvent(Duration.ofSeconds(2))).isNull();
        }
    }

    private static List<String> paperIds(SseClient stream, int count) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        long previous = -1;
        for (int i = 0; i < count; i++) {
            SseClient.Event event = stream.nextEvent(Duration.ofSeconds(10));
            assertThat(event).as("event %d of %d", i + 1, count).isNotNull();
            assertThat(Long.parseLong(event.id())).as("rising ids").isGreaterThan(previous);
            previous = Long.parseLong(event.id());
            ids.add(JSON.readTree(event.data()).at("/paper/id").asText());
        }
        return ids;
    }

    @Test
    void aSubscriptionStreamDeliversItsMatches() throws Exception {
        Response created = given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", "Gliomas", "q", "\"detects early pancreatic\"")).post("/api/v1/subscriptions");
        created.then().statusCode(201);
        String streamUrl = base + created.<String>path("links.stream").replaceFirst("^https?://[^/]+/", "");
        try (SseClient stream = new SseClient(streamUrl)) {
            assertThat(stream.next(":", Duration.ofSeconds(15))).isNotNull();
            PaperIndexed paper = Papers.fresh("exosome-pdac", null);
            Papers.publish(paper);
            String data = stream.next("data:", Duration.ofSeconds(15));
            assertThat(data).as("delivered").isNotNull();
            JsonNode event = JSON.readTree(data.substring(5).trim());
            assertThat(event.at("/paper/id").asText()).isEqualTo(paper.paperId());
            assertThat(event.at("/subscription/name").asText()).isEqualTo("Gliomas");
        }
        given().get("/api/v1/feeds/unknown-token/stream").then().statusCode(404);
    }

    @Test
    void aWebhookIsSignedRetriedAfterServerErrorsAndEveryAttemptIsListed() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(null, 500, 503, 200)) {
            Response created = given().auth().oauth2(ADMIN).contentType("application/json")
                    .body(Map.of("name", "hook", "q", "glypican AND type:gene", "webhook",
                            Map.of("url", receiver.url())))
                    .post("/api/v1/subscriptions");
            created.then().statusCode(201);
            receiver.secret(created.path("webhook.secret"));
            String id = created.path("id");

            Papers.publish(Papers.fresh("exosome-pdac", "Liposomes without a match"));
            PaperIndexed paper = Papers.fresh("exosome-pdac", null);
            Papers.publish(paper);

            List<Map<String, Object>> deliveries = await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id + "/deliveries")
                            .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList(""),
                            list -> list.size() == 1 && "DELIVERED".equals(list.get(0).get("state")));
            Map<String, Object> delivery = deliveries.get(0);
            assertThat(delivery.get("paperId")).isEqualTo(paper.paperId());
            assertThat(delivery.get("attempts")).isEqualTo(3);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> log = (List<Map<String, Object>>) delivery.get("attemptLog");
            assertThat(log).extracting(a -> a.get("statusCode")).containsExactly(500, 503, 200);
            assertThat(log).extracting(a -> a.get("outcome")).containsExactly("RETRY", "RETRY", "DELIVERED");
            assertThat(log.get(0).get("error").toString()).startsWith("HTTP 500");

            List<WebhookReceiver.Received> got = receiver.received();
            assertThat(got).hasSize(3);
            assertThat(got).allSatisfy(r -> {
                assertThat(r.signatureValid()).as("signature verified by the receiver").isTrue();
                assertThat(r.header("EVwatch-Delivery")).isEqualTo(delivery.get("id"));
                assertThat(r.header("EVwatch-Event")).isEqualTo("paper.created");
            });
            JsonNode body = JSON.readTree(new String(got.get(2).body(), StandardCharsets.UTF_8));
            assertThat(body.at("/paper/id").asText()).isEqualTo(paper.paperId());
            assertThat(body.at("/subscription/id").asText()).isEqualTo(id);
        }
    }

    @Test
    void aWebhookThatKeepsFailingStopsAfterTheLastAttempt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(null, 500)) {
            Response created = given().auth().oauth2(ADMIN).contentType("application/json")
                    .body(Map.of("name", "down", "q", "\"absolute specificity\"", "webhook",
                            Map.of("url", receiver.url())))
                    .post("/api/v1/subscriptions");
            receiver.secret(created.path("webhook.secret"));
            String id = created.path("id");
            Papers.publish(Papers.fresh("exosome-pdac", null));
            List<Map<String, Object>> deliveries = await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id + "/deliveries")
                            .then().extract().jsonPath().<Map<String, Object>>getList(""),
                            list -> list.size() == 1 && "FAILED".equals(list.get(0).get("state")));
            assertThat(deliveries.get(0).get("attempts")).as("max attempts in the test profile").isEqualTo(4);
            assertThat(receiver.received()).hasSize(4);
        }
    }

    @Test
    void everyKindOfBadRecordIsParkedWithItsOriginAndAGoodPaperAfterThemIsStillDelivered() throws Exception {
        try (KafkaConsumer<String, byte[]> dlq = TestKafka.consumer(Topics.PAPERS_INDEXED_DLQ);
                SseClient stream = new SseClient(base + "api/v1/stream?q=glypican")) {
            assertThat(stream.next(":", Duration.ofSeconds(15))).as("stream opened").isNotNull();
            List<DeadLetterChecks.Sent> sent = DeadLetterChecks.produce(Topics.PAPERS_INDEXED, "bad-indexed");
            PaperIndexed paper = Papers.fresh("exosome-pdac", null);
            Papers.publish(paper);

            DeadLetterChecks.assertAllDeadLettered(dlq, sent, Duration.ofSeconds(60));
            String data = stream.next("data:", Duration.ofSeconds(30));
            assertThat(data).as("the good paper is delivered").isNotNull();
            assertThat(JSON.readTree(data.substring(5).trim()).at("/paper/id").asText()).isEqualTo(paper.paperId());
        }
    }

    @Test
    void aMalformedRecordIsParkedOnTheDeadLetterTopic() {
        try (KafkaConsumer<String, byte[]> dlq = TestKafka.consumer(Topics.PAPERS_INDEXED_DLQ)) {
            TestKafka.send(Topics.PAPERS_INDEXED, "broken-record", "{\"schemaVersion\":1,\"paperId\":"
                    .getBytes(StandardCharsets.UTF_8));
            var record = TestKafka.await(dlq, r -> "broken-record".equals(r.key()), Duration.ofSeconds(20));
            assertThat(record.headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER) != null
                    || record.headers().lastHeader("dead-letter-reason") != null
                    || record.headers().iterator().hasNext()).isTrue();
        }
    }
}
