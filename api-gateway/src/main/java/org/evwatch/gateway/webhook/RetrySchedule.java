package org.evwatch.gateway.webhook;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import org.evwatch.gateway.settings.GatewaySettings;

/**
 * When to try a delivery (a webhook's, a mail's) again: exponential backoff from {@code initialDelay}, multiplied by
 * {@code multiplier} after each failure, capped at {@code maxDelay}, for at most {@code maxAttempts} attempts in all.
 * A jitter fraction spreads retries of many subscriptions that failed together.
 */
public record RetrySchedule(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay,
        double jitter) {

    public RetrySchedule {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /** The schedule of a delivery channel's settings. */
    public static RetrySchedule of(GatewaySettings.Retries r) {
        return new RetrySchedule(r.maxAttempts(), r.initialDelay(), r.multiplier(), r.maxDelay(), r.jitter());
    }

    /**
     * The delay before attempt {@code nextAttempt} (2 for the first retry), or empty when the attempts are used up.
     *
     * @param random a uniform value in [0, 1) for the jitter
     */
    public Optional<Duration> delayBefore(int nextAttempt, DoubleSupplier random) {
        if (nextAttempt < 2 || nextAttempt > maxAttempts) {
            return Optional.empty();
        }
        double base = initialDelay.toMillis() * Math.pow(multiplier, nextAttempt - 2);
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = capped * jitter * (random.getAsDouble() * 2 - 1);
        long millis = Math.max(0, Math.round(Math.min(capped + spread, maxDelay.toMillis())));
        return Optional.of(Duration.ofMillis(millis));
    }

    /** The delay without jitter. */
    public Optional<Duration> delayBefore(int nextAttempt) {
        return delayBefore(nextAttempt, () -> 0.5);
    }

    /**
     * Whether an answer is worth retrying: network failures (status 0), 408, 425, 429 and 5xx. Other 4xx mean the
     * receiver refuses the request as such; sending it again would not help.
     */
    public static boolean retryable(int status) {
        return status == 0 || status == 408 || status == 425 || status == 429 || status >= 500;
    }
}
