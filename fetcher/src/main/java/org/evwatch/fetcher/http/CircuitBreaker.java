package org.evwatch.fetcher.http;

import java.time.Clock;
import java.time.Instant;

/**
 * A circuit breaker for one source: closed while calls succeed, open after a run of failures (calls are refused
 * without touching the network), then half-open after a pause, when one trial call decides between closed and open.
 * Small and hand-written because the state must be per source name, decided at run time, and visible to the admin
 * API; the annotation-driven breakers are per method.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final BreakerPolicy policy;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;

    CircuitBreaker(BreakerPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** True when a call may go out now; in half-open state only one trial call at a time is let through. */
    public synchronized boolean tryAcquire() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(policy.openFor()))) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= policy.failureThreshold()) {
            state = State.OPEN;
            openedAt = clock.instant();
            trialInFlight = false;
        }
    }

    /** The state as a caller would find it now (an open circuit whose pause is over reads as half-open). */
    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(policy.openFor()))) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
