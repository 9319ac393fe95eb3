package org.evwatch.indexer.messaging;

import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.Topics;
import org.evwatch.events.consumer.BatchRecords;
import org.evwatch.events.consumer.BatchRecords.Rejected;
import org.evwatch.events.consumer.Failures;
import org.evwatch.events.consumer.Redelivery;
import org.evwatch.events.serde.PaperExtractedDeserializer;
import org.evwatch.indexer.catalog.CatalogService;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Writes a polled batch of papers.extracted records to the catalog in as few transactions as its content allows:
 * every record that decodes goes into one transaction. When that transaction fails on content (a record the
 * catalog refuses), the batch is halved and each half written again, down to the one record at fault, which is
 * rejected alone; the others commit, in their order. A dependency that fails (the catalog away) is retried by
 * {@link Redelivery} until it is back; only a stop ends those retries, and its exception leaves this class.
 */
final class BatchRecorder {

    private static final Logger LOG = Logger.getLogger(BatchRecorder.class);

    /** What a batch did: the catalog's outcomes in record order, and the records rejected. */
    record Recorded(List<CatalogService.Outcome> outcomes, List<Rejected> rejected) {
    }

    private record Decoded(KafkaRecord<String, byte[]> record, PaperExtracted extracted) {
    }

    private final CatalogService catalog;
    private final Redelivery redelivery;
    private final PaperExtractedDeserializer deserializer = new PaperExtractedDeserializer();

    BatchRecorder(CatalogService catalog, Redelivery redelivery) {
        this.catalog = catalog;
        this.redelivery = redelivery;
    }

    /** Decodes the records and writes those that decode; the committed outcomes and the rejected records. */
    Recorded record(List<KafkaRecord<String, byte[]>> records) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        List<Rejected> rejected = new ArrayList<>();
        for (KafkaRecord<String, byte[]> r : records) {
            try {
                decoded.add(new Decoded(r, deserializer.decode(BatchRecords.consumerRecord(r))));
            } catch (RuntimeException e) {
                rejected.add(new Rejected(r, e));
            }
        }
        List<CatalogService.Outcome> outcomes = new ArrayList<>();
        commit(decoded, outcomes, rejected);
        return new Recorded(outcomes, rejected);
    }

    /** Writes {@code part} in one transaction; if it fails on content, each half, until the culprit is alone. */
    private void commit(List<Decoded> part, List<CatalogService.Outcome> outcomes, List<Rejected> rejected) {
        if (part.isEmpty()) {
            return;
        }
        try {
            List<PaperExtracted> papers = part.stream().map(Decoded::extracted).toList();
            outcomes.addAll(redelivery.call(Topics.PAPERS_EXTRACTED, () -> catalog.record(papers)));
        } catch (RuntimeException e) {
            if (redelivery.stopping() || Failures.isTransient(e)) {
                throw e;
            }
            if (part.size() == 1) {
                rejected.add(new Rejected(part.get(0).record(), e));
                return;
            }
            LOG.infof("a batch of %d records failed on content (%s); writing it in halves to find the record at "
                    + "fault", part.size(), e.toString());
            int half = part.size() / 2;
            commit(part.subList(0, half), outcomes, rejected);
            commit(part.subList(half, part.size()), outcomes, rejected);
        }
    }
}
