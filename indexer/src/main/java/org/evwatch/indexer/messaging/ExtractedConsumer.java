package org.evwatch.indexer.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evwatch.events.Topics;
import org.evwatch.events.consumer.BatchRecords;
import org.evwatch.events.consumer.Redelivery;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.TraceStep;
import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.indexer.outbox.AnnouncementTraces;
import org.evwatch.indexer.outbox.OutboxRelay;
import org.evwatch.indexer.search.SearchIndex;
import org.evwatch.indexer.vocabulary.CatalogVocabulary;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * papers.extracted to the catalog, then the search index, a polled batch at a time. The batch's catalog changes and
 * their announcements on papers.indexed commit together, in one transaction (the outbox); the search index takes the
 * whole batch and is refreshed once; only then may the relay publish the announcements, so a paper is searchable
 * when it is announced, and a crash at any point neither loses an announcement nor sends one for a change that did
 * not commit. A record that changes nothing announces nothing.
 * <p>
 * A record that fails on its own content goes to papers.extracted.indexer-dlq alone, with the same headers as
 * always (the failure strategy {@code evwatch}), and the rest of its batch goes on; the batch's offsets are committed
 * only once every such record is on the dead-letter topic. A batch that meets a dependency down is retried until it
 * is back, or left uncommitted if the service stops first.
 * <p>
 * Each record of a batch is a step of its trace, from the poll to the index refresh; the announcement it made
 * continues that trace when the relay publishes it.
 */
@ApplicationScoped
public class ExtractedConsumer {

    private static final Logger LOG = Logger.getLogger(ExtractedConsumer.class);

    private final BatchRecorder recorder;
    private final SearchIndex index;
    private final CatalogVocabulary vocabulary;
    private final OutboxRelay relay;
    private final PipelineMetrics metrics;
    private final PipelineTracing tracing;
    private final AnnouncementTraces traces;

    public ExtractedConsumer(CatalogService catalog, SearchIndex index, CatalogVocabulary vocabulary,
            OutboxRelay relay, Redelivery redelivery, PipelineMetrics metrics, PipelineTracing tracing,
            AnnouncementTraces traces) {
        this.recorder = new BatchRecorder(catalog, redelivery);
        this.index = index;
        this.vocabulary = vocabulary;
        this.relay = relay;
        this.metrics = metrics;
        this.tracing = tracing;
        this.traces = traces;
    }

    @Incoming("papers-extracted")
    @Blocking
    public CompletionStage<Void> index(KafkaRecordBatch<String, byte[]> batch) {
        metrics.recordsIn(Topics.PAPERS_EXTRACTED, batch.getRecords().size());
        Map<String, TraceStep> steps = receive(batch.getRecords());
        BatchRecorder.Recorded recorded;
        try {
            // No announcement is picked up between the catalog commit and the index refresh.
            recorded = relay.holdingAnnouncements(() -> {
                BatchRecorder.Recorded r = recorder.record(batch.getRecords());
                index.applyAll(r.outcomes(), key -> steps.getOrDefault(key, TraceStep.NONE));
                vocabulary.learn(r.outcomes());
                announceTraces(r.outcomes(), steps);
                return r;
            });
        } catch (RuntimeException e) {
            // Only a stop ends the retries: the failure strategy leaves every record uncommitted.
            LOG.warnf("batch of %d records not finished: %s", batch.getRecords().size(), e.toString());
            steps.values().forEach(step -> step.fail(e));
            return batch.nack(e);
        } finally {
            steps.values().forEach(TraceStep::close);
        }
        if (!recorded.outcomes().isEmpty()) {
            relay.wake();
        }
        return BatchRecords.deadLetter(recorded.rejected()).thenCompose(parked -> batch.ack());
    }

    /** A step of each record's trace, by record key (its paper key); none when tracing is off. */
    private Map<String, TraceStep> receive(List<KafkaRecord<String, byte[]>> records) {
        if (!tracing.enabled()) {
            return Map.of();
        }
        Map<String, TraceStep> steps = new HashMap<>();
        for (KafkaRecord<String, byte[]> r : records) {
            TraceStep step = tracing.receive(Topics.PAPERS_EXTRACTED, PipelineTracing.traceparent(r.getHeaders()),
                    PipelineTracing.RECORD_ID, r.getKey());
            TraceStep earlier = steps.put(r.getKey(), step);
            if (earlier != null) {
                earlier.close();
            }
        }
        return steps;
    }

    /** Each announcement the batch made continues the trace of the record that made it. */
    private void announceTraces(List<CatalogService.Outcome> outcomes, Map<String, TraceStep> steps) {
        for (CatalogService.Outcome o : outcomes) {
            TraceStep step = steps.get(o.recordKey());
            if (step != null) {
                step.attribute(PipelineTracing.PAPER_ID, o.indexed().paperId());
                traces.put(o.indexed().paperId(), o.indexed().version(), step.traceparent());
            }
        }
    }
}
