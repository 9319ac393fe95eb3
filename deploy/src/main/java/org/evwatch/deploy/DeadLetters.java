package org.evwatch.deploy;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Lists, inspects and replays the records a consumer parked on its dead-letter topic. A replay sends each record's
 * key, value and own headers back to the topic it came from (its {@code dead-letter-topic} header, or the one given),
 * and commits a consumer group of its own past what it replayed, so running the same replay again sends nothing
 * twice. Run by {@code deploy/dlq.sh}; see the README.
 */
public final class DeadLetters {

    /** Header naming where a replayed record was parked, so a record that fails again can be traced. */
    public static final String REPLAYED_FROM = "evwatch-replayed-from";

    private static final String USAGE = """
            usage: dlq.sh list <dead-letter-topic>
                   dlq.sh show <dead-letter-topic> <offset|partition:offset>...
                   dlq.sh replay <dead-letter-topic> [--to <topic>] [--offsets <offset|partition:offset>,...]
                                 [--group <group>]
              options for all: --bootstrap <host:port> (default: $EVWATCH_KAFKA or 127.0.0.1:9092)
              replay sends records from the group's position (default group evwatch-dlq-replay.<dead-letter-topic>)
              up to the end of the topic, or only the offsets listed, and commits the group past the last one sent.""";
    private static final int VALUE_PREFIX = 400;
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrap;
    private final PrintStream out;

    public DeadLetters(String bootstrap, PrintStream out) {
        this.bootstrap = bootstrap;
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            DeadLetterArgs parsed = DeadLetterArgs.parse(args, System.getenv("EVWATCH_KAFKA"));
            DeadLetters tool = new DeadLetters(parsed.bootstrap(), System.out);
            switch (parsed.command()) {
                case "list" -> tool.list(parsed.topic());
                case "show" -> tool.show(parsed.topic(), parsed.offsets());
                case "replay" -> tool.replay(parsed.topic(), parsed.to(), parsed.offsets(), parsed.group());
                default -> throw new IllegalArgumentException("unknown command '" + parsed.command() + "'");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("dlq: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (KafkaException e) {
            System.err.println("dlq: Kafka failed: " + e.getMessage() + " (is the broker at $EVWATCH_KAFKA up?)");
            System.exit(1);
        }
    }

    /** One line per parked record: where it is, its key, where it came from, and why. */
    public void list(String topic) {
        int[] count = {0};
        readAll(topic, null, r -> {
            count[0]++;
            out.printf("%d:%d  key=%s  from=%s-%s@%s  %s: %s%n", r.partition(), r.offset(), key(r),
                    header(r, "dead-letter-topic"), header(r, "dead-letter-partition"),
                    header(r, "dead-letter-offset"), simpleName(header(r, "dead-letter-exception-class-name")),
                    oneLine(header(r, "dead-letter-reason"), 160));
        });
        out.printf("%d record(s) on %s%n", count[0], topic);
    }

    /** The records at the given positions in full: key, every header, and the start of the value. */
    public void show(String topic, Set<Position> positions) {
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("show needs at least one offset");
        }
        Set<Position> missing = new TreeSet<>(positions);
        readAll(topic, null, r -> {
            if (missing.remove(new Position(r.partition(), r.offset()))) {
                out.printf("== %s %d:%d  %s%n  key: %s%n", topic, r.partition(), r.offset(),
                        Instant.ofEpochMilli(r.timestamp()), key(r));
                for (Header h : r.headers()) {
                    out.printf("  %s: %s%n", h.key(), h.value() == null ? "" : printable(h.value(), 2_000));
                }
                out.printf("  value (%s): %s%n", r.value() == null
                        ? "null, a tombstone"
                        : r.value().length
                                + " bytes",
                        r.value() == null ? "" : printable(r.value(), VALUE_PREFIX));
            }
        });
        missing.forEach(p -> out.printf("no record at %d:%d on %s%n", p.partition(), p.offset(), topic));
    }

    /**
     * Sends the parked records back to their topic: all from the group's position, or only {@code only}. Returns how
     * many were sent.
     */
    public int replay(String topic, String to, Set<Position> only, String group) {
        String groupId = group != null ? group : "evwatch-dlq-replay." + topic;
        List<ConsumerRecord<byte[], byte[]>> picked = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(groupId)) {
            Map<TopicPartition, Long> from = committed(consumer, topic);
            for (Position p : only) {
                Long position = from.get(new TopicPartition(topic, p.partition()));
                if (position != null && p.offset() < position) {
                    throw new IllegalArgumentException("offset " + p + " is before group " + groupId
                            + "'s position " + position + ": replayed or passed over before; name another --group"
                            + " to send it again");
                }
            }
            read(consumer, topic, from, r -> {
                if (only.isEmpty() || only.contains(new Position(r.partition(), r.offset()))) {
                    picked.add(r);
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                }
            });
            only.stream().filter(p -> picked.stream().noneMatch(r -> r.partition() == p.partition()
                    && r.offset() == p.offset())).forEach(p -> out.printf("no record at %s on %s%n", p, topic));
            int sent = send(picked, to);
            if (only.isEmpty()) {
                from.forEach((tp, offset) -> done.putIfAbsent(tp, new OffsetAndMetadata(offset)));
            }
            consumer.commitSync(done);
            out.printf("%d record(s) replayed from %s; group %s committed%n", sent, topic, groupId);
            return sent;
        }
    }

    private int send(List<ConsumerRecord<byte[], byte[]>> records, String to) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            int sent = 0;
            for (ConsumerRecord<byte[], byte[]> r : records) {
                String target = to != null ? to : header(r, "dead-letter-topic");
                if (target == null) {
                    out.printf("skipped %d:%d: no dead-letter-topic header; give --to%n", r.partition(), r.offset());
                    continue;
                }
                ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(target, null, r.key(), r.value());
                r.headers().forEach(h -> {
                    if (!h.key().startsWith("dead-letter-") && !h.key().equals(REPLAYED_FROM)) {
                        copy.headers().add(h);
                    }
                });
                copy.headers().add(REPLAYED_FROM, (r.topic() + "-" + r.partition() + "@" + r.offset())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(copy);
                out.printf("replayed %d:%d key=%s to %s%n", r.partition(), r.offset(), key(r), target);
                sent++;
            }
            producer.flush();
            return sent;
        }
    }

    /** Every record of the topic, from the beginning to the end offsets of when the read began. */
    private void readAll(String topic, String group, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(group)) {
            Map<TopicPartition, Long> from = new HashMap<>();
            consumer.beginningOffsets(partitions(consumer, topic)).forEach(from::put);
            read(consumer, topic, from, each);
        }
    }

    private static void read(KafkaConsumer<byte[], byte[]> consumer, String topic, Map<TopicPartition, Long> from,
            Consumer<ConsumerRecord<byte[], byte[]>> each) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        consumer.assign(partitions);
        from.forEach(consumer::seek);
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    each.accept(r);
                }
            }
        }
    }

    /** The group's committed offset of each partition, or the partition's beginning. */
    private static Map<TopicPartition, Long> committed(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> from = new HashMap<>();
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = committed.get(tp);
            from.put(tp, Math.max(beginning.get(tp), c == null ? 0 : c.offset()));
        }
        return from;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic);
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"));
        if (group != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String key(ConsumerRecord<byte[], byte[]> r) {
        return r.key() == null ? "(none)" : printable(r.key(), 120);
    }

    private static String simpleName(String className) {
        return className == null ? "(no exception)" : className.substring(className.lastIndexOf('.') + 1);
    }

    private static String oneLine(String text, int max) {
        if (text == null) {
            return "(no reason)";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > max ? line.substring(0, max) + "..." : line;
    }

    /** Text as text, control characters and bytes that are not UTF-8 escaped, cut at {@code max} characters. */
    static String printable(byte[] bytes, int max) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < max; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || Character.isISOControl(c) && c != '\n' && c != '\t') {
                sb.append(String.format("\\x%02x", c == '\uFFFD' ? 0xFF : c & 0xFF));
            } else {
                sb.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : String.valueOf(c));
            }
        }
        return sb.length() >= max ? sb + "... (cut)" : sb.toString();
    }

    /** A record's place on a topic; a bare offset means partition 0, where a dead-letter topic keeps everything. */
    public record Position(int partition, long offset) implements Comparable<Position> {

        static Position parse(String text) {
            try {
                int colon = text.indexOf(':');
                return colon < 0
                        ? new Position(0, Long.parseLong(text.strip()))
                        : new Position(Integer.parseInt(text.substring(0, colon).strip()),
                                Long.parseLong(text.substring(colon + 1).strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an offset: '" + text + "' (use 12 or 0:12)");
            }
        }

        @Override
        public int compareTo(Position o) {
            return partition != o.partition ? Integer.compare(partition, o.partition) : Long.compare(offset, o.offset);
        }

        @Override
        public String toString() {
            return partition + ":" + offset;
        }
    }
}
