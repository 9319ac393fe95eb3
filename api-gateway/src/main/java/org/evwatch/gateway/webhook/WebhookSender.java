package org.evwatch.gateway.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes one signed webhook POST. It re-checks the target against the SSRF guard before every attempt (a DNS name can
 * start resolving to an internal address after the subscription was saved), does not follow redirects (a redirect
 * could lead anywhere), and reads at most a short prefix of the answer.
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

    private static final int MAX_ERROR_BODY = 512;

    private final HttpClient client;
    private final SsrfGuard guard;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(SsrfGuard guard, Duration timeout, Clock clock) {
        this.guard = guard;
        this.timeout = timeout;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Posts {@code body} to {@code url}, signed with {@code secret}.
     *
     * @param deliveryId sent as {@value WebhookSignature#DELIVERY_HEADER}, the same on every retry so a receiver can
     *        drop duplicates
     * @param event sent as {@value WebhookSignature#EVENT_HEADER}
     */
    public Outcome send(String url, String secret, byte[] body, String deliveryId, String event) {
        long start = System.nanoTime();
        try {
            guard.check(url);
        } catch (TargetRefusedException e) {
            return new Outcome(0, "refused: " + e.getMessage(), elapsed(start), true);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "EVwatch-Webhooks/1")
                .header(WebhookSignature.HEADER, new WebhookSignature(secret).header(clock.instant(), body))
                .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
                .header(WebhookSignature.EVENT_HEADER, event)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            String error = status >= 200 && status < 300 ? null : "HTTP " + status + errorText(response.body());
            return new Outcome(status, error, elapsed(start), false);
        } catch (HttpTimeoutException e) {
            return new Outcome(0, "timed out after " + timeout.toMillis() + " ms", elapsed(start), false);
        } catch (IOException e) {
            return new Outcome(0, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), elapsed(start), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, "interrupted", elapsed(start), false);
        }
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
