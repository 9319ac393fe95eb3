package org.evwatch.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);

    @Test
    void grantsTheBurstThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(2, 4, now::get);

        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).as("a quarter second per token").isEqualTo(250_000_000L);
        now.addAndGet(100_000_000L);
        assertThat(bucket.tryTake()).isEqualTo(150_000_000L);
        now.addAndGet(150_000_000L);
        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    void anIdleBucketSavesUpNoMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(3, 1, now::get);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake();
        }
        assertThat(bucket.isFull()).isFalse();

        now.addAndGet(60_000_000_000L);

        assertThat(bucket.isFull()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryTake()).isZero();
        }
        assertThat(bucket.tryTake()).isPositive();
    }

    @Test
    void oneSecondBurstHoldsOneSecondOfRequestsAndAtLeastOne() {
        TokenBucket three = TokenBucket.oneSecondBurst(3.7, now::get);
        TokenBucket slow = TokenBucket.oneSecondBurst(0.5, now::get);

        assertThat(three.tryTake() + three.tryTake() + three.tryTake()).isZero();
        assertThat(three.tryTake()).isPositive();
        assertThat(slow.tryTake()).isZero();
        assertThat(slow.tryTake()).isEqualTo(2_000_000_000L);
    }

    @Test
    void aClockGoingBackwardsDoesNotDrainTheBucket() {
        TokenBucket bucket = new TokenBucket(1, 1, now::get);
        now.addAndGet(-1_000_000_000L);

        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    void rejectsAnEmptyOrFrozenBucket() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, now::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
