package org.evwatch.fetcher.messaging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.evwatch.events.Topics;
import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.events.tracing.TraceStep;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends records to papers.fetched, keyed by the source record id, and reports when Kafka has them. Records go out as
 * the JSON they were written as once ({@link OutgoingRecord}), so the sent-record table keeps the very bytes sent.
 * Each record starts its trace here (when tracing is on): the span ends when Kafka acknowledges the record, and its
 * context travels in the record's {@code traceparent} header.
 */
@ApplicationScoped
public class FetchedPublisher {

    private static final Logger LOG = Logger.getLogger(FetchedPublisher.class);

    private final Emitter<byte[]> emitter;
    private final PipelineMetrics metrics;
    private final PipelineTracing tracing;
    /** Records acknowledged, per source: bound once per source. */
    private final Map<String, Counter> fetched = new ConcurrentHashMap<>();

    public FetchedPublisher(@Channel("papers-fetched") Emitter<byte[]> emitter, PipelineMetrics metrics,
            PipelineTracing tracing) {
        this.emitter = emitter;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    /** Completes when the broker has acknowledged the record, or fails with the reason it was refused. */
    public CompletableFuture<Void> send(OutgoingRecord record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        TraceStep step = tracing.send(Topics.PAPERS_FETCHED, record.recordId());
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.recordId());
        if (tracing.enabled()) {
            RecordHeaders headers = new RecordHeaders();
            step.addTo(headers);
            metadata.withHeaders(headers);
        }
        Message<byte[]> message = Message.of(record.json())
                .addMetadata(metadata.build())
                .withAck(() -> {
                    step.close();
                    metrics.recordOut(Topics.PAPERS_FETCHED);
                    fetched.computeIfAbsent(record.source(), s -> metrics.counter(PipelineMetric.FETCHED_RECORDS, s))
                            .increment();
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    step.fail(failure);
                    refused(record, step, failure);
                    step.close();
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }

    /** A line for a record Kafka refused, naming it as every line about one record does (MDC {@code recordId}). */
    private static void refused(OutgoingRecord record, TraceStep step, Throwable failure) {
        RecordLog.enter(record.recordId(), step);
        try {
            LOG.warnf("papers.fetched refused record %s of %s: %s", record.recordId(), record.source(), failure);
        } finally {
            RecordLog.leave();
        }
    }

    /** Sends all and completes when every one is acknowledged. */
    public CompletableFuture<Void> sendAll(List<OutgoingRecord> records) {
        return CompletableFuture.allOf(records.stream().map(this::send).toArray(CompletableFuture[]::new));
    }
}
