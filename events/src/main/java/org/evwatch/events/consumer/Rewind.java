package org.evwatch.events.consumer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Takes a record again after a transient failure that no retry absorbed: after a backoff (0.2 s doubling up to 30 s
 * while the same record keeps failing), its partition is moved back to the record's offset, so the record and
 * everything after it in the partition are read again, in order. The record itself is never acknowledged here, so no
 * offset at or past it is committed before it has been processed.
 */
final class Rewind {

    private static final Logger LOG = Logger.getLogger(Rewind.class);
    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration LONGEST = Duration.ofSeconds(30);

    private final KafkaConsumer<?, ?> consumer;
    /** Per partition, the offset that failed last and how many times in a row. */
    private final Map<TopicPartition, long[]> failures = new ConcurrentHashMap<>();

    Rewind(KafkaConsumer<?, ?> consumer) {
        this.consumer = consumer;
    }

    /** Waits the backoff, then rewinds the record's partition to it; completes once done. */
    <K, V> Uni<Void> rewind(IncomingKafkaRecord<K, V> record) {
        TopicPartition partition = new TopicPartition(record.getTopic(), record.getPartition());
        long offset = record.getOffset();
        long[] streak = failures.merge(partition, new long[]{offset, 1},
                (old, fresh) -> old[0] == offset ? new long[]{offset, old[1] + 1} : fresh);
        Duration delay = backoff(streak[1]);
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                .chain(() -> consumer.runOnPollingThread(c -> {
                    seekBack(c, partition, offset);
                }));
    }

    static Duration backoff(long attempt) {
        long millis = FIRST.toMillis() << Math.min(attempt - 1, 20);
        return millis >= LONGEST.toMillis() ? LONGEST : Duration.ofMillis(millis);
    }

    /**
     * Moves the partition back to {@code offset} when the consumer has read past it. When it has not (an earlier
     * rewind already moved it back further), the record comes again anyway, and moving forward would skip records. A
     * partition no longer assigned is left alone: its next owner starts from the last committed offset, which is at
     * or before this record.
     */
    static void seekBack(Consumer<?, ?> consumer, TopicPartition partition, long offset) {
        if (!consumer.assignment().contains(partition)) {
            return;
        }
        long position = consumer.position(partition);
        if (offset < position) {
            LOG.infof("partition %s moved back from offset %d to %d, to take the failed record again", partition,
                    position, offset);
            consumer.seek(partition, offset);
        }
    }
}
