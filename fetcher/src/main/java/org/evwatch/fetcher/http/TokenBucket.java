package org.evwatch.fetcher.http;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket holding at most one second of requests: a burst never exceeds the configured rate, and an idle
 * host does not save up permits beyond that.
 */
final class TokenBucket {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    TokenBucket(double perSecond, LongSupplier nanoClock) {
        this.perNano = perSecond / 1_000_000_000d;
        this.capacity = Math.max(1, Math.floor(perSecond));
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /** Takes one permit, waiting for it when the bucket is empty. */
    void acquire(Sleeper sleeper) throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                refill();
                if (tokens >= 1) {
                    tokens -= 1;
                    return;
                }
                wait = Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
            }
            sleeper.sleep(wait);
        }
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
        refilledAt = now;
    }
}
