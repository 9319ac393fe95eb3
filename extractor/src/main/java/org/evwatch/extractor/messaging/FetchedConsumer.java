package org.evwatch.extractor.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.serde.PaperFetchedDeserializer;
import org.evwatch.extractor.parse.ParseException;
import org.evwatch.extractor.service.ExtractionService;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * papers.fetched to papers.extracted. A record that is not a valid event, or that cannot be parsed, fails: the
 * channel's dead-letter strategy parks it on papers.fetched.extractor-dlq with the reason in a header, and the
 * partition moves on. Records are read as bytes and decoded here, so the dead-letter topic keeps them exactly as
 * they arrived, whatever is wrong with them.
 */
@ApplicationScoped
public class FetchedConsumer {

    private static final Logger LOG = Logger.getLogger(FetchedConsumer.class);

    private final ExtractionService extraction;
    private final PaperFetchedDeserializer deserializer = new PaperFetchedDeserializer();

    public FetchedConsumer(ExtractionService extraction) {
        this.extraction = extraction;
    }

    @Incoming("papers-fetched")
    @Outgoing("papers-extracted")
    @Blocking
    public Record<String, PaperExtracted> extract(ConsumerRecord<String, byte[]> record) throws ParseException {
        PaperFetched fetched = deserializer.decode(record);
        try {
            PaperExtracted extracted = extraction.extract(fetched);
            return Record.of(extracted.paperKey(), extracted);
        } catch (ParseException | RuntimeException e) {
            // The failure policy decides: dead-lettered when the record is at fault, read again when a dependency is.
            LOG.warnf("record %s/%s (partition %d, offset %d) failed: %s", fetched.source(),
                    fetched.sourceRecordId(), record.partition(), record.offset(), e.getMessage());
            throw e;
        }
    }
}
