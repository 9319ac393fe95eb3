package org.evwatch.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.evwatch.gateway.testsupport.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;

/** Real HTTP to a receiver on loopback, which the allow-list admits. */
class WebhookSenderTest {

    private static final String SECRET = "whsec_sender-test-secret-42";
    private static final byte[] BODY = "{\"event\":\"paper.matched\"}".getBytes(StandardCharsets.UTF_8);

    private static final Vertx VERTX = Vertx.vertx();

    private final WebhookSender sender = new WebhookSender(VERTX,
            new SsrfGuard(List.of("127.0.0.1/32"), java.net.InetAddress::getAllByName), Duration.ofSeconds(5),
            Clock.systemUTC());

    @AfterAll
    static void closeVertx() {
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theReceiverVerifiesTheSignatureOfWhatIsSent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 204)) {
            WebhookSender.Outcome outcome = sender.send(receiver.url(), SECRET, BODY, "d-1", "paper.matched", null);
            assertThat(outcome.success()).isTrue();
            assertThat(outcome.status()).isEqualTo(204);
            WebhookReceiver.Received got = receiver.received().get(0);
            assertThat(got.signatureValid()).isTrue();
            assertThat(got.body()).isEqualTo(BODY);
            assertThat(got.header("EVwatch-Delivery")).isEqualTo("d-1");
            assertThat(got.header("EVwatch-Event")).isEqualTo("paper.matched");
            assertThat(got.header("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void aTracedAttemptCarriesItsTraceContextToTheReceiver() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 204)) {
            sender.send(receiver.url(), SECRET, BODY, "d-6", "paper.matched", traceparent);
            sender.send(receiver.url(), SECRET, BODY, "d-7", "paper.matched", null);
            assertThat(receiver.received().get(0).header("traceparent")).isEqualTo(traceparent);
            assertThat(receiver.received().get(1).header("traceparent")).isNull();
        }
    }

    @Test
    void aWrongSecretFailsVerificationAndIsNotRetryable() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("whsec_the-receivers-own-secret", 204)) {
            WebhookSender.Outcome outcome = sender.send(receiver.url(), SECRET, BODY, "d-2", "paper.matched", null);
            assertThat(receiver.received().get(0).signatureValid()).isFalse();
            assertThat(outcome.status()).isEqualTo(401);
            assertThat(outcome.retryable()).isFalse();
        }
    }

    @Test
    void serverErrorsAndRefusedConnectionsAreRetryable() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 500, 503, 200)) {
            WebhookSender.Outcome first = sender.send(receiver.url(), SECRET, BODY, "d-3", "paper.matched", null);
            assertThat(first.status()).isEqualTo(500);
            assertThat(first.error()).startsWith("HTTP 500").contains("try later");
            assertThat(first.retryable()).isTrue();
            assertThat(sender.send(receiver.url(), SECRET, BODY, "d-3", "paper.matched", null).status()).isEqualTo(503);
            assertThat(sender.send(receiver.url(), SECRET, BODY, "d-3", "paper.matched", null).success()).isTrue();
        }
        // The receiver is gone now: nothing listens on its port.
        WebhookSender.Outcome down = sender.send("http://127.0.0.1:9/hook", SECRET, BODY, "d-4", "paper.matched", null);
        assertThat(down.status()).isZero();
        assertThat(down.error()).startsWith("connection failed");
        assertThat(down.retryable()).isTrue();
    }

    @Test
    void refusesTargetsOutsideTheAllowListBeforeConnecting() {
        WebhookSender strict = new WebhookSender(VERTX, SsrfGuard.strict(), Duration.ofSeconds(1),
                Clock.systemUTC());
        WebhookSender.Outcome outcome = strict.send("http://127.0.0.1:9/hook", SECRET, BODY, "d-5", "x", null);
        assertThat(outcome.status()).isZero();
        assertThat(outcome.error()).startsWith("refused: ").contains("loopback");
        assertThat(outcome.refused()).isTrue();
        assertThat(outcome.retryable()).isFalse();
    }

    @Test
    void connectsToTheAddressTheGuardCheckedWithoutASecondLookup() throws Exception {
        // "hooks.rebind.test" exists only in this resolver: a second lookup by the HTTP client would fail.
        AtomicInteger lookups = new AtomicInteger();
        SsrfGuard.Resolver once = host -> {
            if (!host.equals("hooks.rebind.test")) {
                throw new UnknownHostException(host);
            }
            lookups.incrementAndGet();
            return new InetAddress[]{InetAddress.getByName("127.0.0.1")};
        };
        WebhookSender pinned = new WebhookSender(VERTX, new SsrfGuard(List.of("127.0.0.1/32"), once),
                Duration.ofSeconds(5), Clock.systemUTC());
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 204)) {
            int port = URI.create(receiver.url()).getPort();
            String url = "http://hooks.rebind.test:" + port + "/hook?source=evwatch";
            WebhookSender.Outcome outcome = pinned.send(url, SECRET, BODY, "d-6", "paper.created", null);
            assertThat(outcome.error()).isNull();
            assertThat(outcome.status()).isEqualTo(204);
            assertThat(lookups).hasValue(1);
            assertThat(receiver.received().get(0).header("Host")).isEqualTo("hooks.rebind.test:" + port);
            assertThat(receiver.received().get(0).signatureValid()).isTrue();
        }
    }

    @Test
    void keepsOnlyAShortPrefixOfALongAnswer() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET, 500)) {
            receiver.replyWith("x".repeat(100_000));
            WebhookSender.Outcome outcome = sender.send(receiver.url(), SECRET, BODY, "d-7", "paper.created", null);
            assertThat(outcome.status()).isEqualTo(500);
            assertThat(outcome.error()).startsWith("HTTP 500: xxx").endsWith("…").hasSizeLessThan(600);
        }
    }
}
