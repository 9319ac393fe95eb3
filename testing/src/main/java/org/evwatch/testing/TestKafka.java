package org.evwatch.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients on the test broker, for tests that put records on a topic or read what a service wrote. */
public final class TestKafka {

    private TestKafka() {
    }

    /** Sends one record and waits for the broker's acknowledgement; returns where the record landed. */
    public static RecordMetadata send(String topic, String key, byte[] value) {
        return send(topic, key, value, Map.of());
    }

    /** Sends one record with headers (their values as UTF-8) and waits for the broker's acknowledgement. */
    public static RecordMetadata send(String topic, String key, byte[] value, Map<String, String> headers) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends records to one partition of a topic in a single produce request, so that they are stored as one record
     * batch and a consumer's poll returns them together; waits for the acknowledgement. Returns where each landed, in
     * order.
     */
    public static List<RecordMetadata> sendTogether(String topic, int partition,
            List<Map.Entry<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 60_000,
                ProducerConfig.BATCH_SIZE_CONFIG, 16 * 1024 * 1024, ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                16 * 1024 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            for (Map.Entry<String, byte[]> r : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, partition, r.getKey(), r.getValue())));
            }
            producer.flush();
            List<RecordMetadata> at = new ArrayList<>();
            for (java.util.concurrent.Future<RecordMetadata> f : sent) {
                at.add(f.get());
            }
            return at;
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** A consumer of one topic, from its beginning, in a group of its own. */
    public static KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until a record matches, or fails after the timeout. */
    public static ConsumerRecord<String, byte[]> await(KafkaConsumer<String, byte[]> consumer,
            Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (match.test(r)) {
                    return r;
                }
                seen.add(r.key());
            }
        }
        throw new AssertionError("no matching record within " + timeout + "; saw keys " + seen);
    }
}
