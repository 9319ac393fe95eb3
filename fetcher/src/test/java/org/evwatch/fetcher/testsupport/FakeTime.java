package org.evwatch.fetcher.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.evwatch.fetcher.http.Sleeper;

/**
 * Time that passes only when someone waits: every wait the code asks for is recorded and moves the clock, so that
 * retries, backoff and rate limits can be checked exactly, without spending the time.
 */
public final class FakeTime extends Clock implements Sleeper {

    private final Instant start;
    private long nanos;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    public FakeTime(Instant start) {
        this.start = start;
    }

    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        advance(duration);
    }

    public synchronized void advance(Duration d) {
        nanos += d.toNanos();
    }

    public Duration elapsed() {
        return Duration.ofNanos(nanoTime());
    }

    public List<Duration> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }

    /** Waits of at least {@code min}: the backoff and Retry-After ones, not the rate limiter's small ones. */
    public List<Duration> waitsOfAtLeast(Duration min) {
        return waits().stream().filter(d -> d.compareTo(min) >= 0).toList();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        return start.plusNanos(nanos);
    }
}
