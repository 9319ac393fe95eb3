package org.evwatch.indexer.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.consumer.Redelivery;
import org.evwatch.events.serde.PaperExtractedDeserializer;
import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.indexer.search.SearchIndex;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * papers.extracted to the catalog, then the search index, then papers.indexed. The catalog commits before the
 * result is returned, so a PaperIndexed is only ever sent for a committed paper, and by then the paper is in the
 * index (searchable within the configured staleness). A record that changes nothing is acknowledged and announces
 * nothing. A record that fails on its content goes to papers.extracted.indexer-dlq; one that fails because the
 * catalog is away is retried until it is back, or left uncommitted if the service stops first.
 */
@ApplicationScoped
public class ExtractedConsumer {

    private final CatalogService catalog;
    private final SearchIndex index;
    private final Redelivery redelivery;
    private final PaperExtractedDeserializer deserializer = new PaperExtractedDeserializer();

    public ExtractedConsumer(CatalogService catalog, SearchIndex index, Redelivery redelivery) {
        this.catalog = catalog;
        this.index = index;
        this.redelivery = redelivery;
    }

    @Incoming("papers-extracted")
    @Outgoing("papers-indexed")
    @Blocking
    public Record<String, PaperIndexed> index(ConsumerRecord<String, byte[]> record) {
        PaperExtracted extracted = deserializer.decode(record);
        // upsert() commits when it returns; only then is the paper indexed and announced. While PostgreSQL is away
        // it is retried, and the partition waits.
        return redelivery.call(() -> catalog.upsert(extracted)).map(outcome -> {
            index.apply(outcome);
            return Record.of(outcome.indexed().paperId(), outcome.indexed());
        }).orElse(null);
    }
}
