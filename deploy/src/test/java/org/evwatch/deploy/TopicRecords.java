package org.evwatch.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.evwatch.events.Topics;

/** Reads a topic of a running stack from its beginning, or from given offsets, outside any consumer group. */
final class TopicRecords {

    private TopicRecords() {
    }

    /** Hands every record of {@code topic}, up to the end offsets it has when this is called, to {@code each}. */
    static void readAll(LocalStack stack, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        readFrom(stack, topic, Map.of(), each);
    }

    /**
     * Hands the records of {@code topic} from the offset given for each partition (its beginning where none is
     * given) up to the end offsets it has when this is called, to {@code each}.
     */
    static void readFrom(LocalStack stack, String topic, Map<Integer, Long> from,
            Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            List<TopicPartition> all = partitions(topic);
            consumer.assign(all);
            consumer.seekToBeginning(all);
            all.stream().filter(tp -> from.containsKey(tp.partition()))
                    .forEach(tp -> consumer.seek(tp, from.get(tp.partition())));
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

    /** The end offset of each partition of {@code topic}, by partition. */
    static Map<Integer, Long> endOffsets(LocalStack stack, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(stack)) {
            return consumer.endOffsets(partitions(topic)).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue));
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(LocalStack stack) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(String topic) {
        int partitions = Topics.ALL.stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow()
                .partitions();
        return IntStream.range(0, partitions).mapToObj(i -> new TopicPartition(topic, i)).toList();
    }
}
