package org.evwatch.fetcher.http;

import java.time.Duration;

/**
 * How politely one host is treated: its request rate, how many requests may be in flight at once, timeouts, and how
 * failures are retried.
 *
 * @param requestsPerSecond sustained rate; the token bucket holds at most one second of requests
 * @param maxConcurrent requests in flight at once
 * @param connectTimeout time to open a connection
 * @param requestTimeout time for a whole response
 * @param maxAttempts attempts per request, the first included
 * @param baseBackoff wait before the first retry; doubled for each further retry, with jitter
 * @param maxBackoff upper bound of one wait, also the longest Retry-After honoured before giving up
 */
public record HostPolicy(double requestsPerSecond, int maxConcurrent, Duration connectTimeout,
        Duration requestTimeout, int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    public HostPolicy {
        if (requestsPerSecond <= 0 || maxConcurrent < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("a host policy needs a positive rate, concurrency and attempts");
        }
    }

    /** A cautious default for hosts without a policy of their own: a journal site, a feed, a landing page. */
    public static HostPolicy polite() {
        return new HostPolicy(1, 2, Duration.ofSeconds(10), Duration.ofSeconds(30), 4, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    public HostPolicy withRate(double perSecond, int concurrent) {
        return new HostPolicy(perSecond, concurrent, connectTimeout, requestTimeout, maxAttempts, baseBackoff,
                maxBackoff);
    }

    public HostPolicy withTimeouts(Duration connect, Duration request) {
        return new HostPolicy(requestsPerSecond, maxConcurrent, connect, request, maxAttempts, baseBackoff,
                maxBackoff);
    }

    public HostPolicy withRetries(int attempts, Duration base, Duration max) {
        return new HostPolicy(requestsPerSecond, maxConcurrent, connectTimeout, requestTimeout, attempts, base, max);
    }
}
