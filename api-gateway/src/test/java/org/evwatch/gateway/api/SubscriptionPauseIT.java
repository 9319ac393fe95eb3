package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.testsupport.Papers;
import org.evwatch.gateway.testsupport.ReceivedMail;
import org.evwatch.gateway.testsupport.SmtpServer;
import org.evwatch.gateway.testsupport.SseClient;
import org.evwatch.gateway.testsupport.WebhookReceiver;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * Pausing a subscription, end to end: papers announced on the real broker while it is paused reach none of its
 * channels (its live stream, a real webhook receiver, a real SMTP server), not even after it resumes or when its
 * stream reconnects with an older event id; papers announced after the resume reach all of them.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(SmtpServer.class)
@TestProfile(SubscriptionPauseIT.SlowRetries.class)
class SubscriptionPauseIT {

    /** A failed webhook post is retried after 2 s: long enough to pause the subscription before the retry. */
    public static final class SlowRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evwatch.gateway.webhooks.initial-delay", "2s", "evwatch.gateway.webhooks.max-delay", "2s");
        }
    }

    private static final String ADMIN = "test-admin-key";
    private static final String ADDRESS = "pausing-reader@example.org";
    private static final String QUERY = "title:pausewatch";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** How long a channel is watched for a paper that must not come. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @TestHTTPResource("/")
    String base;

    @Test
    void aPausedSubscriptionDeliversNothingAndAfterTheResumeOnlyWhatCameAfterIt() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(null, 204)) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Pausing", "q", QUERY,
                    "webhook", Map.of("url", hook.url()),
                    "email", Map.of("address", ADDRESS, "frequency", "immediate")));
            Response created = given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                    .post("/api/v1/subscriptions");
            created.then().statusCode(201).body("paused", equalTo(false)).body("pausedAt", nullValue());
            hook.secret(created.path("webhook.secret"));
            String id = created.path("id");
            mails(1).get(0).confirm(base);
            String streamUrl = base + created.<String>path("links.stream").replaceFirst("^https?://[^/]+/", "");

            try (SseClient stream = open(streamUrl)) {
                PaperIndexed before = Papers.fresh("exosome-pdac", "Pausewatch vesicles before the pause");
                Papers.publish(before);
                SseClient.Event first = stream.nextEvent(WAIT);
                assertThat(paperId(first)).isEqualTo(before.paperId());
                await().atMost(WAIT).until(() -> hook.received().size() == 1);
                assertThat(mails(2).get(1).text()).contains("Pausewatch vesicles before the pause");

                body.put("paused", true);
                replace(id, body).then().statusCode(200).body("paused", equalTo(true))
                        .body("pausedAt", notNullValue());
                given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                        .body("paused", equalTo(true));
                PaperIndexed whilePaused = Papers.fresh("exosome-pdac", "Pausewatch vesicles while paused");
                takenIn(whilePaused, QUERY);
                assertThat(stream.nextEvent(QUIET)).as("no live event while paused").isNull();
                assertThat(hook.received()).as("no webhook post while paused").hasSize(1);
                assertThat(SmtpServer.receivedBy(ADDRESS)).as("no mail while paused").hasSize(2);
                assertThat(deliveries(id, "deliveries")).as("no webhook delivery stored").hasSize(1);

                body.put("paused", false);
                replace(id, body).then().statusCode(200).body("paused", equalTo(false)).body("pausedAt", nullValue());
                PaperIndexed after = Papers.fresh("exosome-pdac", "Pausewatch vesicles after the resume");
                Papers.publish(after);
                assertThat(paperId(stream.nextEvent(WAIT))).as("the stream delivers again, only the new paper")
                        .isEqualTo(after.paperId());
                await().atMost(WAIT).until(() -> hook.received().size() == 2);
                assertThat(new String(hook.received().get(1).body())).contains(after.paperId())
                        .doesNotContain(whilePaused.paperId());
                List<ReceivedMail> mails = mails(3);
                assertThat(mails.get(2).text()).contains("Pausewatch vesicles after the resume");

                try (SseClient resumed = new SseClient(streamUrl, first.id())) {
                    assertThat(paperId(resumed.nextEvent(WAIT))).as("a reconnect skips what came while paused")
                            .isEqualTo(after.paperId());
                    assertThat(resumed.nextEvent(QUIET)).isNull();
                }
            }
            assertThat(SmtpServer.receivedBy(ADDRESS)).as("the paper of the pause was never mailed").hasSize(3);
            assertThat(deliveries(id, "email-deliveries")).hasSize(3);
        }
    }

    @Test
    void aSubscriptionCreatedPausedDeliversNothingUntilResumedAndAReplaceWithoutTheFieldKeepsItsState()
            throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Created paused", "q", "title:pausestart",
                "paused", true));
        Response created = given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .post("/api/v1/subscriptions");
        created.then().statusCode(201).body("paused", equalTo(true));
        String id = created.path("id");
        body.remove("paused");
        body.put("name", "Renamed, still paused");
        replace(id, body).then().statusCode(200).body("paused", equalTo(true));
        String streamUrl = base + created.<String>path("links.stream").replaceFirst("^https?://[^/]+/", "");
        try (SseClient stream = open(streamUrl)) {
            takenIn(Papers.fresh("exosome-pdac", "Pausestart vesicles"), "title:pausestart");
            assertThat(stream.nextEvent(QUIET)).isNull();
        }
    }

    @Test
    void aWebhookRetryDueWhileTheSubscriptionIsPausedWaitsAndIsSentAfterTheResume() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(null, 503, 204)) {
            Map<String, Object> body = new HashMap<>(Map.of("name", "Held retry", "q", "title:holdwatch",
                    "webhook", Map.of("url", hook.url())));
            Response created = given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                    .post("/api/v1/subscriptions");
            created.then().statusCode(201);
            hook.secret(created.path("webhook.secret"));
            String id = created.path("id");
            Papers.publish(Papers.fresh("exosome-pdac", "Holdwatch vesicles"));
            await().atMost(WAIT).until(() -> delivery(id).path("attempts").asInt() == 1);
            assertThat(delivery(id).path("nextAttemptAt").isNull()).as("a retry is due").isFalse();

            body.put("paused", true);
            replace(id, body).then().statusCode(200);
            Thread.sleep(4_000);
            assertThat(hook.received()).as("no retry while paused").hasSize(1);
            JsonNode held = delivery(id);
            assertThat(held.path("state").asText()).isEqualTo("PENDING");
            assertThat(held.path("nextAttemptAt").isNull()).as("held: no attempt is due").isTrue();

            body.put("paused", false);
            replace(id, body).then().statusCode(200);
            await().atMost(WAIT).until(() -> delivery(id).path("state").asText().equals("DELIVERED"));
            assertThat(hook.received()).hasSize(2);
            assertThat(hook.received().get(1).signatureValid()).isTrue();
        }
    }

    private static JsonNode delivery(String id) throws Exception {
        JsonNode list = JSON.readTree(given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id
                + "/deliveries").then().statusCode(200).extract().asString());
        return list.path(0);
    }

    /** Publishes a matching paper and waits until the gateway has taken it in: a query stream shows it. */
    private void takenIn(PaperIndexed paper, String query) throws Exception {
        try (SseClient witness = open(base + "api/v1/stream?q=" + query)) {
            Papers.publish(paper);
            SseClient.Event seen = witness.nextEvent(WAIT);
            assertThat(paperId(seen)).as("the gateway took the paper in").isEqualTo(paper.paperId());
        }
    }

    private static SseClient open(String url) throws Exception {
        SseClient stream = new SseClient(url);
        assertThat(stream.next(":", Duration.ofSeconds(15))).as("stream opened").isNotNull();
        return stream;
    }

    private static String paperId(SseClient.Event event) throws Exception {
        assertThat(event).as("an event").isNotNull();
        return JSON.readTree(event.data()).at("/paper/id").asText();
    }

    private static Response replace(String id, Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .put("/api/v1/subscriptions/" + id);
    }

    private static List<Object> deliveries(String id, String log) {
        return given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id + "/" + log).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static List<ReceivedMail> mails(int count) {
        return ReceivedMail.await(ADDRESS, count, WAIT);
    }
}
