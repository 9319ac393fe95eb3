package org.evwatch.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evwatch.events.Topics;

/** Reads a topic of a running stack from its beginning, outside any consumer group. */
final class TopicRecords {

    private TopicRecords() {
    }

    /** Hands every record of {@code topic}, up to the end offsets it has when this is called, to {@code each}. */
    static void readAll(LocalStack stack, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            int partitions = Topics.ALL.stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow()
                    .partitions();
            List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(i -> new TopicPartition(topic, i))
                    .toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (all.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(topic + " could not be read to its end " + ends);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }
}
