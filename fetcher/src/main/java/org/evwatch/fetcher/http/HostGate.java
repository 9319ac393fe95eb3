package org.evwatch.fetcher.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

import org.evwatch.common.ratelimit.TokenBucket;

import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * Everything that limits traffic to one host: its own connection pool, its rate (a token bucket holding one second
 * of requests), its concurrency, and how its failed requests are retried (SmallRye Fault Tolerance).
 */
final class HostGate {

    private final HostPolicy policy;
    private final HttpClient client;
    private final TokenBucket bucket;
    private final Semaphore inFlight;
    private final Sleeper sleeper;
    private final TypedGuard<Page> retry;

    HostGate(HostPolicy policy, LongSupplier nanoClock, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.client = HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.bucket = TokenBucket.oneSecondBurst(policy.requestsPerSecond(), nanoClock);
        this.inFlight = new Semaphore(policy.maxConcurrent(), true);
        this.sleeper = sleeper;
        this.retry = TypedGuard.create(Page.class)
                .withRetry()
                .maxRetries(policy.maxAttempts() - 1)
                // each wait is bounded by the policy and spent by RetryWait; no overall limit besides
                .delay(0, ChronoUnit.MILLIS)
                .maxDuration(0, ChronoUnit.MILLIS)
                .whenException(TransientFailure.class::isInstance)
                .withCustomBackoff()
                .strategy(() -> new RetryWait(policy, sleeper, random))
                .done()
                .done()
                .build();
    }

    HostPolicy policy() {
        return policy;
    }

    /** Runs {@code attempt} until it succeeds, fails for good, or runs out of retries. */
    Page withRetries(Callable<Page> attempt) throws Exception {
        return retry.call(attempt);
    }

    /** Sends one request once its turn comes: a free slot, then a token. */
    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        inFlight.acquire();
        try {
            for (long wait = bucket.tryTake(); wait > 0; wait = bucket.tryTake()) {
                sleeper.sleep(Duration.ofNanos(wait));
            }
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } finally {
            inFlight.release();
        }
    }
}
