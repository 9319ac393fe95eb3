package org.evwatch.events.consumer;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import org.evwatch.events.metrics.PipelineMetrics;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.Guard;

/**
 * How a consumer calls what it depends on. A transient failure ({@link Failures#isTransient}) is retried with
 * exponential backoff (0.2 s doubling up to 30 s) for as long as it lasts: the consumer's thread waits, so its
 * partitions are paused by back-pressure, nothing is committed and nothing is dead-lettered; the record goes on where
 * it stopped once the dependency is back. Once the service is stopping, retries end at once, and the record is left
 * uncommitted (see {@link RedeliverOrDeadLetter}) for the next start to take again.
 */
@ApplicationScoped
public class Redelivery {

    private static final Logger LOG = Logger.getLogger(Redelivery.class);

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final PipelineMetrics metrics;
    private final Guard guard = Guard.create()
            .withDescription("consumer dependency")
            .withRetry()
            .maxRetries(-1)
            .maxDuration(365, ChronoUnit.DAYS)
            .delay(200, ChronoUnit.MILLIS)
            .jitter(100, ChronoUnit.MILLIS)
            .withExponentialBackoff().factor(2).maxDelay(30, ChronoUnit.SECONDS).done()
            .whenException(this::worthRetrying)
            .beforeRetry(e -> LOG.warnf("dependency failed (%s); retrying with backoff", e.toString()))
            .done()
            .build();

    @Inject
    public Redelivery(PipelineMetrics metrics) {
        this.metrics = metrics;
    }

    /** For tests and for code outside CDI: retries counted in memory only. */
    public Redelivery() {
        this(PipelineMetrics.detached());
    }

    /**
     * Runs {@code work} for records of {@code topic}, retrying it while it fails transiently and the service is not
     * stopping; each retry is counted for the topic.
     */
    public <T> T call(String topic, Callable<T> work) {
        // The type only tells the guard whether the result is asynchronous; this work never is.
        @SuppressWarnings("unchecked")
        Class<T> synchronous = (Class<T>) Object.class;
        boolean[] tried = {false};
        Callable<T> counted = () -> {
            if (tried[0]) {
                metrics.retried(topic);
            }
            tried[0] = true;
            return work.call();
        };
        try {
            return guard.call(counted, synchronous);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the service has begun to stop: no record is committed or dead-lettered from then on. */
    public boolean stopping() {
        return stopping.get();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }

    /** For tests and for code outside CDI: marks the service as stopping. */
    public void stop() {
        stopping.set(true);
    }

    private boolean worthRetrying(Throwable failure) {
        return !stopping.get() && Failures.isTransient(failure);
    }
}
