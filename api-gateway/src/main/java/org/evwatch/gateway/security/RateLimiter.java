package org.evwatch.gateway.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.evwatch.common.ratelimit.TokenBucket;

/**
 * Token-bucket rate limits per client (an API key's id or an IP address). Buckets that have refilled completely are
 * dropped now and then, so memory follows the number of recently active clients, not all clients ever seen.
 */
public final class RateLimiter {

    /** The outcome: allowed, or refused with the whole seconds to wait (for {@code Retry-After}). */
    public record Decision(boolean allowed, long retryAfterSeconds) {
        static final Decision ALLOW = new Decision(true, 0);
    }

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final double capacity;
    private final double refillPerSecond;
    private final LongSupplier clock;
    private long lastSweep;

    /**
     * @param capacity the burst a client may send at once
     * @param refillPerSecond the sustained rate
     * @param clock nanosecond clock ({@link System#nanoTime} in production)
     */
    public RateLimiter(double capacity, double refillPerSecond, LongSupplier clock) {
        if (capacity < 1 || refillPerSecond <= 0) {
            throw new IllegalArgumentException("need capacity >= 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.clock = clock;
        this.lastSweep = clock.getAsLong();
    }

    public Decision acquire(String client) {
        long now = clock.getAsLong();
        sweep(now);
        TokenBucket bucket = buckets.computeIfAbsent(client, c -> new TokenBucket(capacity, refillPerSecond, clock));
        long waitNanos = bucket.tryTake();
        if (waitNanos == 0) {
            return Decision.ALLOW;
        }
        return new Decision(false, Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
    }

    int trackedClients() {
        return buckets.size();
    }

    private void sweep(long now) {
        // At most once per minute; a full bucket carries no state worth keeping.
        if (now - lastSweep < 60_000_000_000L) {
            return;
        }
        lastSweep = now;
        buckets.values().removeIf(TokenBucket::isFull);
    }
}
