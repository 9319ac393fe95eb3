package org.evwatch.gateway.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Makes one signed webhook POST. It re-checks the target against the SSRF guard before every attempt (a DNS name can
 * start resolving to an internal address after the subscription was saved) and connects to the address that check
 * returned, so a DNS answer that changes between the check and the connection (rebinding) cannot redirect it; the
 * host name still goes in the {@code Host} header and, for https, in SNI and the certificate check. It does not follow
 * redirects (a redirect could lead anywhere) and keeps at most a short prefix of the answer.
 */
public final class WebhookSender {

    /**
     * What one attempt gave: the HTTP status (0 when none was received), an error message, the time taken, and
     * whether the target was refused without being contacted.
     */
    public record Outcome(int status, String error, Duration duration, boolean refused) {

        public boolean success() {
            return status >= 200 && status < 300;
        }

        /** A refused target stays refused until the subscription changes; a retry would not help. */
        public boolean retryable() {
            return !success() && !refused && RetrySchedule.retryable(status);
        }
    }

    /** The status and the first bytes of an answer. */
    private record Answer(int status, String body) {
    }

    private static final int MAX_ERROR_BODY = 512;

    private final HttpClient client;
    private final SsrfGuard guard;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(Vertx vertx, SsrfGuard guard, Duration timeout, Clock clock) {
        this.guard = guard;
        this.timeout = timeout;
        this.clock = clock;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setIdleTimeout((int) Math.max(1, timeout.toSeconds()))
                .setKeepAlive(false)
                .setVerifyHost(true)
                .setForceSni(true)
                .setMaxRedirects(0));
    }

    /**
     * Posts {@code body} to {@code url}, signed with {@code secret}.
     *
     * @param deliveryId sent as {@value WebhookSignature#DELIVERY_HEADER}, the same on every retry so a receiver can
     *        drop duplicates
     * @param event sent as {@value WebhookSignature#EVENT_HEADER}
     * @param traceparent the W3C trace context of this attempt, sent as {@code traceparent} so the receiver can
     *        continue the paper's trace; null when it is not traced
     */
    public Outcome send(String url, String secret, byte[] body, String deliveryId, String event, String traceparent) {
        long start = System.nanoTime();
        List<InetAddress> addresses;
        try {
            addresses = guard.check(url);
        } catch (TargetRefusedException e) {
            return new Outcome(0, "refused: " + e.getMessage(), elapsed(start), true);
        }
        RequestOptions request = request(URI.create(url), addresses.get(0))
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "EVwatch-Webhooks/1")
                .putHeader(WebhookSignature.HEADER, new WebhookSignature(secret).header(clock.instant(), body))
                .putHeader(WebhookSignature.DELIVERY_HEADER, deliveryId)
                .putHeader(WebhookSignature.EVENT_HEADER, event);
        if (traceparent != null) {
            request.putHeader("traceparent", traceparent);
        }
        CompletableFuture<Answer> answer = client.request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(WebhookSender::read)
                .toCompletionStage().toCompletableFuture();
        return outcome(answer, start);
    }

    /** A POST to {@code target}, connecting to {@code address}: the one the guard checked. */
    private RequestOptions request(URI target, InetAddress address) {
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        int port = target.getPort() != -1 ? target.getPort() : https ? 443 : 80;
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        return new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(target.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(target.getRawQuery() == null ? path : path + "?" + target.getRawQuery())
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis());
    }

    /** Keeps the status and at most {@value #MAX_ERROR_BODY} bytes of the body, however long the answer is. */
    private static Future<Answer> read(HttpClientResponse response) {
        Buffer prefix = Buffer.buffer();
        response.handler(chunk -> {
            int room = MAX_ERROR_BODY + 1 - prefix.length();
            if (room > 0) {
                prefix.appendBuffer(chunk.length() > room ? chunk.slice(0, room) : chunk);
            }
        });
        return response.end().map(v -> new Answer(response.statusCode(), prefix.toString()));
    }

    private Outcome outcome(CompletableFuture<Answer> pending, long start) {
        try {
            Answer a = pending.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            String error = a.status() >= 200 && a.status() < 300 ? null : "HTTP " + a.status() + errorText(a.body());
            return new Outcome(a.status(), error, elapsed(start), false);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return timedOut(start);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof TimeoutException) {
                return timedOut(start);
            }
            return new Outcome(0, "connection failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), elapsed(start), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted", elapsed(start), false);
        }
    }

    private Outcome timedOut(long start) {
        return new Outcome(0, "timed out after " + timeout.toMillis() + " ms", elapsed(start), false);
    }

    private static String errorText(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ").strip();
        return ": " + (flat.length() > MAX_ERROR_BODY ? flat.substring(0, MAX_ERROR_BODY) + "…" : flat);
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
