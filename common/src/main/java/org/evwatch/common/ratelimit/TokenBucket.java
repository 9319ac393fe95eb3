package org.evwatch.common.ratelimit;

import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code refillPerSecond}; each request
 * takes one. The caller decides what to do without a token: wait (an outbound client holding itself to a host's
 * rate) or refuse (an API answering 429). Thread-safe.
 */
public final class TokenBucket {

    private final double capacity;
    private final double refillPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long refilledAt;

    /**
     * @param capacity the burst: tokens available at once, and the most an idle bucket saves up
     * @param refillPerSecond the sustained rate
     * @param nanoClock a monotonic nanosecond clock ({@link System#nanoTime} in production)
     */
    public TokenBucket(double capacity, double refillPerSecond, LongSupplier nanoClock) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("a token bucket needs capacity >= 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / 1e9;
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.refilledAt = nanoClock.getAsLong();
    }

    /**
     * A bucket holding at most one second of requests: a burst never exceeds the rate, and an idle host does not
     * save up permits beyond that.
     */
    public static TokenBucket oneSecondBurst(double perSecond, LongSupplier nanoClock) {
        return new TokenBucket(Math.max(1, Math.floor(perSecond)), perSecond, nanoClock);
    }

    /** Takes a token: returns 0 when granted, else the nanoseconds until one will be available (none is taken). */
    public synchronized long tryTake() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    /** True when the bucket has refilled completely: it then holds no state worth keeping. */
    public synchronized boolean isFull() {
        refill();
        return tokens >= capacity;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            refilledAt = now;
        }
    }
}
