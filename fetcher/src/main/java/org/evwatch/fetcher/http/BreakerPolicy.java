package org.evwatch.fetcher.http;

import java.time.Duration;

/**
 * When a source's circuit opens and for how long.
 *
 * @param failureThreshold consecutive failed attempts that open the circuit
 * @param openFor how long an open circuit refuses calls before letting one trial call through
 */
public record BreakerPolicy(int failureThreshold, Duration openFor) {

    public BreakerPolicy {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
    }

    public static BreakerPolicy defaults() {
        return new BreakerPolicy(5, Duration.ofMinutes(5));
    }
}
