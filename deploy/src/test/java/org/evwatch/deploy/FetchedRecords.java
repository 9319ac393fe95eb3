package org.evwatch.deploy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evwatch.events.Topics;

/** What papers.fetched of a running stack holds, read from its beginning by a consumer outside any group. */
final class FetchedRecords {

    /** Where a record first appeared on the topic. */
    record Position(int partition, long offset) {
    }

    private FetchedRecords() {
    }

    /**
     * The first position of every key (a source record id, the PMID for PubMed) on papers.fetched, up to the end
     * offsets the topic has when this is called.
     */
    static Map<String, Position> firstPositions(LocalStack stack) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        Map<String, Position> first = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            int partitions = Topics.ALL.stream().filter(t -> t.name().equals(Topics.PAPERS_FETCHED)).findFirst()
                    .orElseThrow().partitions();
            List<TopicPartition> all = IntStream.range(0, partitions)
                    .mapToObj(i -> new TopicPartition(Topics.PAPERS_FETCHED, i)).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (all.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("papers.fetched could not be read to its end " + ends);
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    first.merge(r.key(), new Position(r.partition(), r.offset()),
                            (a, b) -> a.offset() <= b.offset() ? a : b);
                }
            }
        }
        return first;
    }
}
