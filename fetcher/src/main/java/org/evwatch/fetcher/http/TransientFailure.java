package org.evwatch.fetcher.http;

import java.time.Duration;
import java.util.Optional;

/**
 * One attempt that failed in a way worth retrying: a timeout, a broken connection, a 5xx, a 429. Carried through
 * the fault-tolerance guards, then unwrapped into its {@link FetchException}.
 *
 * @param failure what the caller sees if no retry helps
 * @param retryAfter how long the server asked us to wait, if it said
 * @param sourceFault false for throttling (429), which says nothing about the source's health and so does not count
 *        towards its circuit breaker
 */
final class TransientFailure extends Exception {

    private final FetchException failure;
    private final transient Optional<Duration> retryAfter;
    private final boolean sourceFault;

    TransientFailure(FetchException failure, Optional<Duration> retryAfter, boolean sourceFault) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
        this.retryAfter = retryAfter;
        this.sourceFault = sourceFault;
    }

    FetchException failure() {
        return failure;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }

    boolean sourceFault() {
        return sourceFault;
    }
}
