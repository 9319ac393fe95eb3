package org.evwatch.events.consumer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.RecordLog;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/** What consumers that take a polled batch at a time share: the records' Kafka coordinates and their dead letters. */
public final class BatchRecords {

    private static final Logger LOG = Logger.getLogger(BatchRecords.class);

    /** A record of a batch that failed on its own content, and why. */
    public record Rejected(KafkaRecord<String, byte[]> record, Throwable reason) {
    }

    private BatchRecords() {
    }

    /** The Kafka record behind a record of a batch (topic, partition, offset, key, headers). */
    @SuppressWarnings("unchecked")
    public static ConsumerRecord<String, byte[]> consumerRecord(KafkaRecord<String, byte[]> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, byte[]>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("record without its Kafka metadata"));
    }

    /**
     * Hands each rejected record to the channel's failure strategy, logging its coordinates and reason; completes
     * once every one is on the dead-letter topic.
     */
    public static CompletableFuture<Void> deadLetter(List<Rejected> rejected) {
        CompletableFuture<?>[] parked = new CompletableFuture<?>[rejected.size()];
        for (int i = 0; i < parked.length; i++) {
            Rejected r = rejected.get(i);
            ConsumerRecord<String, byte[]> at = consumerRecord(r.record());
            RecordLog.enterRecord(at.key(), PipelineTracing.traceparent(at.headers()));
            try {
                LOG.warnf("record %s-%d@%d (key %s) to the dead-letter topic: %s", at.topic(), at.partition(),
                        at.offset(), at.key(), r.reason().getMessage());
            } finally {
                RecordLog.leave();
            }
            parked[i] = r.record().nack(r.reason()).toCompletableFuture();
        }
        return CompletableFuture.allOf(parked);
    }
}
