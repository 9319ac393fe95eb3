package org.evwatch.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * Produces {@link BadRecords} onto a topic and checks that each reached the consumer's dead-letter topic as it was
 * sent, with the headers SmallRye's dead-letter strategy adds: the reason, the exception class, and the source topic,
 * partition and offset.
 */
public final class DeadLetterChecks {

    /** A bad record and where it landed on its topic. */
    public record Sent(BadRecords.Bad bad, String topic, int partition, long offset) {
    }

    private DeadLetterChecks() {
    }

    /** Produces every bad record of {@code topic}, keys prefixed with {@code prefix}. */
    public static List<Sent> produce(String topic, String prefix) {
        List<Sent> sent = new ArrayList<>();
        for (BadRecords.Bad bad : BadRecords.forTopic(topic, prefix)) {
            RecordMetadata at = TestKafka.send(topic, bad.key(), bad.value());
            sent.add(new Sent(bad, topic, at.partition(), at.offset()));
        }
        return sent;
    }

    /** Waits until every sent record is on the dead-letter topic {@code dlq} reads, and checks each. */
    public static void assertAllDeadLettered(KafkaConsumer<String, byte[]> dlq, List<Sent> sent, Duration timeout) {
        Map<String, ConsumerRecord<String, byte[]>> parked = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (parked.size() < sent.size() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : dlq.poll(Duration.ofMillis(200))) {
                if (sent.stream().anyMatch(s -> s.bad().key().equals(r.key()))) {
                    parked.put(r.key(), r);
                }
            }
        }
        for (Sent s : sent) {
            ConsumerRecord<String, byte[]> r = parked.get(s.bad().key());
            assertNotNull(r, s.bad().kind() + " never reached the dead-letter topic; parked: " + parked.keySet());
            check(s, r);
        }
    }

    private static void check(Sent s, ConsumerRecord<String, byte[]> r) {
        String kind = s.bad().kind();
        assertArrayEquals(s.bad().value(), r.value(), kind + ": the value is parked as it was sent");
        String reason = header(r, "dead-letter-reason");
        assertTrue(Pattern.compile(s.bad().reason()).matcher(reason).find(),
                kind + ": reason '" + reason + "' lacks /" + s.bad().reason() + "/");
        assertEquals(s.bad().exceptionClass(), header(r, "dead-letter-exception-class-name"), kind);
        assertEquals(s.topic(), header(r, "dead-letter-topic"), kind);
        assertEquals(Integer.toString(s.partition()), header(r, "dead-letter-partition"), kind);
        assertEquals(Long.toString(s.offset()), header(r, "dead-letter-offset"), kind);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        assertNotNull(h, "header " + name + " on " + r.key());
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
