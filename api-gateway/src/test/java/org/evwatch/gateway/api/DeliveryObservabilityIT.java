package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.gateway.testsupport.ConsoleLines;
import org.evwatch.gateway.testsupport.OtlpTraces;
import org.evwatch.gateway.testsupport.Papers;
import org.evwatch.gateway.testsupport.ReceivedMail;
import org.evwatch.gateway.testsupport.SmtpServer;
import org.evwatch.gateway.testsupport.WebhookReceiver;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.evwatch.testing.otlp.OtlpReceiver;
import org.junit.jupiter.api.Test;

/**
 * Deliveries in the paper's trace and logs, end to end, with tracing and JSON logs on: a paper announced on the real
 * broker with a {@code traceparent} header reaches a real webhook receiver and a real SMTP server. The gateway exports
 * every attempt to a real OTLP receiver as a span of that trace, child of the gateway's step that took the paper in,
 * with the subscription, the paper, the attempt's number and its outcome; and a failed attempt's log line, as the
 * console handler writes it, is a JSON object naming the paper and the trace.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(SmtpServer.class)
@TestProfile(DeliveryObservabilityIT.TracedWithJsonLogs.class)
class DeliveryObservabilityIT {

    /** The gateway exports its spans to a receiver in this JVM and logs JSON, by the one setting an operator uses. */
    public static final class TracedWithJsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("EVWATCH_LOG_JSON", "true");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpTraces.class));
        }
    }

    private static final String ADMIN = "test-admin-key";
    private static final String ADDRESS = "traced-reader@example.org";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final HexFormat HEX = HexFormat.of();

    @TestHTTPResource("/")
    String base;

    @Test
    void everyWebhookAndEmailAttemptIsASpanOfThePapersTraceWithItsSubscriptionPaperAndOutcome() throws Exception {
        try (WebhookReceiver hook = new WebhookReceiver(null, 503, 204)) {
            Response created = given().auth().oauth2(ADMIN).contentType("application/json")
                    .body(Map.of("name", "Traced", "q", "title:tracewatch", "webhook", Map.of("url", hook.url()),
                            "email", Map.of("address", ADDRESS, "frequency", "immediate")))
                    .post("/api/v1/subscriptions");
            created.then().statusCode(201);
            hook.secret(created.path("webhook.secret"));
            String subscription = created.path("id");
            mails(1).get(0).confirm(base);

            String traceId = HEX.formatHex(randomBytes(16));
            String parentSpan = HEX.formatHex(randomBytes(8));
            PaperIndexed paper = Papers.fresh("exosome-pdac", "Tracewatch vesicles");
            publish(paper, traceId, parentSpan);

            List<OtlpReceiver.Span> trace = await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> OtlpTraces.trace(traceId), t -> named(t, "deliver webhook").size() == 2
                            && named(t, "deliver email").size() == 1);
            OtlpReceiver.Span taken = trace.stream().filter(s -> s.parentSpanId().equals(parentSpan)).findFirst()
                    .orElseThrow(() -> new AssertionError("no gateway step under the paper's span: " + trace));
            assertThat(taken.name()).isEqualTo(Topics.PAPERS_INDEXED + " process");

            List<OtlpReceiver.Span> attempts = named(trace, "deliver webhook");
            assertThat(attempts).extracting(s -> s.attributes().get(PipelineTracing.ATTEMPT) + " "
                    + s.attributes().get(PipelineTracing.OUTCOME))
                    .containsExactlyInAnyOrder("1 retry", "2 delivered");
            assertThat(hook.received()).extracting(r -> r.header("traceparent").substring(0, 52))
                    .as("each post carries its attempt's span")
                    .containsExactlyInAnyOrderElementsOf(attempts.stream()
                            .map(s -> "00-" + s.traceId() + "-" + s.spanId()).toList());
            OtlpReceiver.Span mail = named(trace, "deliver email").get(0);
            assertThat(mail.attributes()).containsEntry(PipelineTracing.ATTEMPT, "1")
                    .containsEntry(PipelineTracing.OUTCOME, "sent");
            assertThat(mails(2).get(1).text()).contains("Tracewatch vesicles");
            for (OtlpReceiver.Span delivery : List.of(attempts.get(0), attempts.get(1), mail)) {
                assertThat(delivery.parentSpanId()).as(delivery.name()).isEqualTo(taken.spanId());
                assertThat(delivery.service()).isEqualTo("evwatch-api-gateway");
                assertThat(delivery.attributes()).as(delivery.name())
                        .containsEntry(PipelineTracing.SUBSCRIPTION_ID, subscription)
                        .containsEntry(PipelineTracing.PAPER_ID, paper.paperId());
            }
        }
    }

    @Test
    void aFailedWebhookAttemptIsLoggedAsAJsonLineNamingThePaperAndItsTrace() throws Exception {
        try (ConsoleLines console = ConsoleLines.capture(); WebhookReceiver hook = new WebhookReceiver(null, 503)) {
            Response created = given().auth().oauth2(ADMIN).contentType("application/json")
                    .body(Map.of("name", "Logged", "q", "title:logwatch", "webhook", Map.of("url", hook.url())))
                    .post("/api/v1/subscriptions");
            created.then().statusCode(201);
            hook.secret(created.path("webhook.secret"));
            String traceId = HEX.formatHex(randomBytes(16));
            PaperIndexed paper = Papers.fresh("exosome-pdac", "Logwatch vesicles");
            publish(paper, traceId, HEX.formatHex(randomBytes(8)));

            JsonNode line = await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> console.json()
                    .stream().filter(l -> paper.paperId().equals(l.path("paperId").asText())
                            && l.path("message").asText().contains("given up"))
                    .findFirst(), Optional::isPresent)
                    .get();
            assertThat(line.path("traceId").asText()).isEqualTo(traceId);
            assertThat(line.path("level").asText()).isEqualTo("WARN");
            assertThat(line.path("service").asText()).isEqualTo("evwatch-api-gateway");
            assertThat(line.path("message").asText()).contains(created.<String>path("id")).contains("503");
            assertThat(console.json()).as("the retries before, each a line of the paper's trace")
                    .filteredOn(l -> paper.paperId().equals(l.path("paperId").asText()))
                    .extracting(l -> l.path("level").asText() + " " + l.path("traceId").asText())
                    .contains("INFO " + traceId, "WARN " + traceId);
        }
    }

    /** Announces the paper on papers.indexed as a step (span {@code parentSpan}) of the trace {@code traceId}. */
    private static void publish(PaperIndexed paper, String traceId, String parentSpan) {
        TestKafka.send(Topics.PAPERS_INDEXED, paper.paperId(), EventJson.write(paper),
                Map.of(PipelineTracing.HEADER, "00-" + traceId + "-" + parentSpan + "-01"));
    }

    private static List<OtlpReceiver.Span> named(List<OtlpReceiver.Span> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).toList();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static List<ReceivedMail> mails(int count) {
        return ReceivedMail.await(ADDRESS, count, WAIT);
    }
}
