package org.evwatch.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long ms) {
        now.addAndGet(ms * 1_000_000L);
    }

    @Test
    void allowsABurstThenRefusesWithRetryAfterThenRefills() {
        RateLimiter limiter = new RateLimiter(3, 0.5, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("key-1").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire("key-1");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).as("one token every 2 s").isEqualTo(2);
        assertThat(limiter.acquire("ip:10.0.0.1").allowed()).as("clients are separate").isTrue();
        advanceMillis(1500);
        assertThat(limiter.acquire("key-1").retryAfterSeconds()).isEqualTo(1);
        advanceMillis(600);
        assertThat(limiter.acquire("key-1").allowed()).isTrue();
        assertThat(limiter.acquire("key-1").allowed()).isFalse();
    }

    @Test
    void forgetsClientsWhoseBucketsRefilled() {
        RateLimiter limiter = new RateLimiter(2, 1, now::get);
        for (int i = 0; i < 100; i++) {
            limiter.acquire("ip:" + i);
        }
        assertThat(limiter.trackedClients()).isEqualTo(100);
        advanceMillis(61_000);
        limiter.acquire("ip:new");
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }
}
