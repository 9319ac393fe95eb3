package org.evwatch.indexer.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evwatch.events.consumer.BatchRecords;
import org.evwatch.events.consumer.Redelivery;
import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.indexer.outbox.OutboxRelay;
import org.evwatch.indexer.search.SearchIndex;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
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
 */
@ApplicationScoped
public class ExtractedConsumer {

    private static final Logger LOG = Logger.getLogger(ExtractedConsumer.class);

    private final BatchRecorder recorder;
    private final SearchIndex index;
    private final OutboxRelay relay;

    public ExtractedConsumer(CatalogService catalog, SearchIndex index, OutboxRelay relay, Redelivery redelivery) {
        this.recorder = new BatchRecorder(catalog, redelivery);
        this.index = index;
        this.relay = relay;
    }

    @Incoming("papers-extracted")
    @Blocking
    public CompletionStage<Void> index(KafkaRecordBatch<String, byte[]> batch) {
        BatchRecorder.Recorded recorded;
        try {
            // No announcement is picked up between the catalog commit and the index refresh.
            recorded = relay.holdingAnnouncements(() -> {
                BatchRecorder.Recorded r = recorder.record(batch.getRecords());
                index.applyAll(r.outcomes());
                return r;
            });
        } catch (RuntimeException e) {
            // Only a stop ends the retries: the failure strategy leaves every record uncommitted.
            LOG.warnf("batch of %d records not finished: %s", batch.getRecords().size(), e.toString());
            return batch.nack(e);
        }
        if (!recorded.outcomes().isEmpty()) {
            relay.wake();
        }
        return BatchRecords.deadLetter(recorded.rejected()).thenCompose(parked -> batch.ack());
    }
}
