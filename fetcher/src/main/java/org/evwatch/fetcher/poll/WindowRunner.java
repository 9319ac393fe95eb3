package org.evwatch.fetcher.poll;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.messaging.FetchedPublisher;
import org.evwatch.fetcher.persistence.SentRecords;
import org.evwatch.fetcher.source.DateWindow;
import org.evwatch.fetcher.source.FetchResult;
import org.evwatch.fetcher.source.Source;
import org.evwatch.fetcher.watch.Watch;

/** Fetches one window of one source and returns once Kafka has acknowledged every record it sent. */
@ApplicationScoped
public class WindowRunner {

    /** What a window did: records the source returned, sent, and skipped as already sent. */
    public record Outcome(long seen, long sent, long skipped) {
    }

    /** A window whose records did not all reach Kafka; nothing of it counts as done. */
    public static final class NotAcknowledgedException extends Exception {
        NotAcknowledgedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SentRecords sent;
    private final FetchedPublisher publisher;
    private final long ackTimeoutMillis;
    private final PipelineMetrics metrics;

    public WindowRunner(SentRecords sent, FetchedPublisher publisher, FetchConfig config, PipelineMetrics metrics) {
        this.sent = sent;
        this.publisher = publisher;
        this.ackTimeoutMillis = config.poll().ackTimeout().toMillis();
        this.metrics = metrics;
    }

    /** Fetches the window; counted as a fetch of the source, ok or failed. */
    public Outcome run(Source source, Watch watch, DateWindow window, BooleanSupplier cancelled)
            throws FetchException, NotAcknowledgedException {
        boolean ok = false;
        try {
            Outcome outcome = fetch(source, watch, window, cancelled);
            ok = true;
            return outcome;
        } finally {
            metrics.counter(PipelineMetric.FETCHES, source.name(), ok ? "ok" : "failed").increment();
        }
    }

    private Outcome fetch(Source source, Watch watch, DateWindow window, BooleanSupplier cancelled)
            throws FetchException, NotAcknowledgedException {
        WindowSender sender = new WindowSender(sent, publisher, cancelled, ackTimeoutMillis);
        FetchResult result;
        try {
            result = source.fetch(watch, window, sender);
        } catch (FetchException | RuntimeException e) {
            // What went out before the failure is remembered once acknowledged, so that the retried window
            // does not send it again.
            rememberWhatWasAcknowledged(sender);
            throw e;
        }
        long count;
        try {
            count = sender.awaitAcknowledged(ackTimeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotAcknowledgedException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new NotAcknowledgedException(source.name() + " " + window + ": Kafka did not acknowledge every "
                    + "record: " + cause, cause);
        }
        result.onAcknowledged().run();
        return new Outcome(result.seen(), count, sender.skipped());
    }

    private void rememberWhatWasAcknowledged(WindowSender sender) {
        try {
            sender.awaitAcknowledged(ackTimeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Not all reached Kafka: nothing is remembered, the retry sends them again.
        }
    }
}
