package org.evwatch.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(5, Duration.ofSeconds(1), 4, Duration.ofSeconds(30),
            0.2);

    @Test
    void backsOffExponentiallyUpToTheCapAndTheAttemptLimit() {
        assertThat(schedule.delayBefore(2)).contains(Duration.ofSeconds(1));
        assertThat(schedule.delayBefore(3)).contains(Duration.ofSeconds(4));
        assertThat(schedule.delayBefore(4)).contains(Duration.ofSeconds(16));
        assertThat(schedule.delayBefore(5)).as("capped").contains(Duration.ofSeconds(30));
        assertThat(schedule.delayBefore(6)).as("attempts used up").isEmpty();
        assertThat(schedule.delayBefore(1)).isEmpty();
    }

    @Test
    void jitterStaysWithinItsFractionAndUnderTheCap() {
        assertThat(schedule.delayBefore(3, () -> 0.0)).contains(Duration.ofMillis(3200));
        assertThat(schedule.delayBefore(3, () -> 0.999999)).get()
                .satisfies(d -> assertThat(d.toMillis()).isBetween(4790L, 4800L));
        assertThat(schedule.delayBefore(5, () -> 0.999999)).contains(Duration.ofSeconds(30));
    }

    @Test
    void retriesOnlyWhatMaySucceedLater() {
        assertThat(RetrySchedule.retryable(500)).isTrue();
        assertThat(RetrySchedule.retryable(503)).isTrue();
        assertThat(RetrySchedule.retryable(429)).isTrue();
        assertThat(RetrySchedule.retryable(0)).as("connection failed").isTrue();
        assertThat(RetrySchedule.retryable(400)).isFalse();
        assertThat(RetrySchedule.retryable(410)).isFalse();
        assertThat(RetrySchedule.retryable(200)).isFalse();
    }
}
