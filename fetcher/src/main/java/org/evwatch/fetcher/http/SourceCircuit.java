package org.evwatch.fetcher.http;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;

/**
 * The circuit breaker of one source (SmallRye Fault Tolerance): open after a run of failed attempts, refusing
 * calls without touching the network, half-open after a pause, when a trial call decides between closed and open.
 * Per source, not per host: one source's outage leaves another source on the same host alone. Its state is kept
 * for the admin API.
 */
final class SourceCircuit {

    private final TypedGuard<Page> guard;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    SourceCircuit(String source, BreakerPolicy policy) {
        this.guard = TypedGuard.create(Page.class)
                .withDescription("source " + source)
                .withCircuitBreaker()
                // a rolling window of the last N attempts all failed: N failures in a row
                .requestVolumeThreshold(policy.failureThreshold())
                .failureRatio(1.0)
                .successThreshold(1)
                .delay(policy.openFor().toMillis(), ChronoUnit.MILLIS)
                .when(e -> e instanceof TransientFailure t && t.sourceFault())
                .onStateChange(s -> state = s)
                .done()
                .build();
    }

    /** Runs one attempt through the breaker. */
    Page call(Callable<Page> attempt) throws Exception {
        return guard.call(attempt);
    }

    CircuitBreakerState state() {
        return state;
    }
}
