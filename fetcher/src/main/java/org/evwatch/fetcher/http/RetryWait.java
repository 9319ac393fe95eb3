package org.evwatch.fetcher.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

import org.jboss.logging.Logger;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The wait before each retry of one request: what the server's Retry-After asked for, else exponential backoff with
 * jitter (a random wait between half and all of base * 2^(retry-1), capped). A server asking for more than the
 * policy's longest wait is not waited for: the request fails at once and the window is retried on a later poll.
 * <p>
 * The wait is spent here, through the client's {@link Sleeper}, and the library is told to add none of its own:
 * the library would sleep on the system clock, where the rate limiter and the tests use the client's.
 */
final class RetryWait implements CustomBackoffStrategy {

    private static final Logger LOG = Logger.getLogger(RetryWait.class);

    /** A retry that will not happen, carrying the failure to report instead. */
    static final class GaveUp extends RuntimeException {

        private final FetchException failure;

        GaveUp(FetchException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }

        FetchException failure() {
            return failure;
        }
    }

    private final HostPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private int retries;

    RetryWait(HostPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        retries++;
        // Only transient failures are retried (the guard's retry predicate), so the cause is always one.
        TransientFailure transientFailure = (TransientFailure) cause;
        FetchException failure = transientFailure.failure();
        Duration wait = transientFailure.retryAfter().orElseGet(this::backoff);
        if (wait.compareTo(policy.maxBackoff()) > 0) {
            throw new GaveUp(new FetchException(failure.kind(), failure.source(), failure.request(),
                    "server asked to retry after " + wait + ", more than " + policy.maxBackoff(), failure));
        }
        LOG.debugf("%s, retry %d in %s", failure.getMessage(), retries, wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUp(new FetchException(failure.kind(), failure.source(), failure.request(),
                    "interrupted while waiting to retry", e));
        }
        return 0;
    }

    private Duration backoff() {
        long base = policy.baseBackoff().toMillis();
        long ceiling = Math.min(policy.maxBackoff().toMillis(), base << Math.min(retries - 1, 20));
        long jittered = ceiling / 2 + (long) (random.nextDouble() * (ceiling - ceiling / 2));
        return Duration.ofMillis(jittered);
    }
}
