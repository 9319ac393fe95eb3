package org.evwatch.fetcher.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.serde.PaperFetchedDeserializer;

/** Reads what the fetcher sent to papers.fetched. */
public final class FetchedRecords {

    private FetchedRecords() {
    }

    /** Exactly {@code count} records matching {@code match}, within {@code seconds}; fails otherwise. */
    public static List<PaperFetched> receive(KafkaConsumer<String, byte[]> consumer,
            Predicate<ConsumerRecord<String, byte[]>> match, int count, int seconds) {
        List<PaperFetched> out = new ArrayList<>();
        PaperFetchedDeserializer deserializer = new PaperFetchedDeserializer();
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (out.size() < count && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (match.test(r)) {
                    out.add(deserializer.deserialize(r.topic(), r.value()));
                }
            }
        }
        assertThat(out).hasSize(count);
        return out;
    }
}
