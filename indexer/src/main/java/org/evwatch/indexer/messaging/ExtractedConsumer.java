package org.evwatch.indexer.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.consumer.Redelivery;
import org.evwatch.events.serde.PaperExtractedDeserializer;
import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.indexer.outbox.OutboxRelay;
import org.evwatch.indexer.search.SearchIndex;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;

/**
 * papers.extracted to the catalog, then the search index. The catalog change and its announcement on papers.indexed
 * commit together (the outbox); the relay publishes the announcement after the commit, so a crash at any point
 * neither loses it nor sends one for a change that did not commit. A record that changes nothing is acknowledged
 * and announces nothing. A record that fails on its content goes to papers.extracted.indexer-dlq; one that fails
 * because the catalog is away is retried until it is back, or left uncommitted if the service stops first.
 */
@ApplicationScoped
public class ExtractedConsumer {

    private static final Logger LOG = Logger.getLogger(ExtractedConsumer.class);

    private final CatalogService catalog;
    private final SearchIndex index;
    private final OutboxRelay relay;
    private final Redelivery redelivery;
    private final PaperExtractedDeserializer deserializer = new PaperExtractedDeserializer();

    public ExtractedConsumer(CatalogService catalog, SearchIndex index, OutboxRelay relay, Redelivery redelivery) {
        this.catalog = catalog;
        this.index = index;
        this.relay = relay;
        this.redelivery = redelivery;
    }

    @Incoming("papers-extracted")
    @Blocking
    public void index(ConsumerRecord<String, byte[]> record) {
        PaperExtracted extracted = deserializer.decode(record);
        List<CatalogService.Outcome> outcomes = redelivery.call(() -> catalog.record(List.of(extracted)));
        for (CatalogService.Outcome outcome : outcomes) {
            try {
                index.apply(outcome);
            } catch (RuntimeException e) {
                // The catalog committed: the index catches up from it when it is next opened or rebuilt.
                LOG.errorf(e, "paper %s (version %d) committed but not indexed", outcome.indexed().paperId(),
                        outcome.indexed().version());
            }
        }
        // Indexed first, so that a paper is searchable (within the index's staleness) once it is announced.
        relay.wake();
    }
}
