package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.evwatch.testing.Infrastructure;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dead-letter tool against the real in-JVM broker: list, show, and replays that are never repeated by accident. */
class DeadLettersIT {

    private static final String SOURCE = "dlq-it.source";
    private static final String DLQ = "dlq-it.source.consumer-dlq";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final DeadLetters tool = new DeadLetters(Infrastructure.kafkaBootstrapServers(),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    @BeforeAll
    static void parkThreeRecords() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(SOURCE, 3, (short) 1), new NewTopic(DLQ, 1, (short) 1))).all()
                    .get();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            park(producer, "k0", "{\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8), "missing field 'source'");
            park(producer, "k1", new byte[]{(byte) 0xC3, 0x28, 0, 'x'}, "not valid JSON");
            park(producer, "k2", "{\"schemaVersion\":99}".getBytes(StandardCharsets.UTF_8),
                    "unsupported schemaVersion");
            producer.flush();
        }
    }

    @AfterAll
    static void stopBroker() {
        Infrastructure.stopAll();
    }

    private static void park(KafkaProducer<String, byte[]> producer, String key, byte[] value, String reason) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(DLQ, 0, key, value);
        header(r, "dead-letter-reason", reason + "\nsecond line");
        header(r, "dead-letter-exception-class-name", "org.evwatch.events.serde.MalformedEventException");
        header(r, "dead-letter-topic", SOURCE);
        header(r, "dead-letter-partition", "2");
        header(r, "dead-letter-offset", "4" + key.charAt(1));
        header(r, "traceparent", "00-trace-" + key);
        producer.send(r);
    }

    private static void header(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void listsEachRecordOnOneLineAndShowsOneInFull() {
        tool.list(DLQ);
        assertThat(printed()).contains("0:0  key=k0  from=" + SOURCE + "-2@40  MalformedEventException: "
                + "missing field 'source' second line").contains("0:2  key=k2").contains("3 record(s) on " + DLQ);
        printed.reset();

        tool.show(DLQ, Set.of(new DeadLetters.Position(0, 1), new DeadLetters.Position(0, 9)));
        assertThat(printed()).contains("== " + DLQ + " 0:1").contains("key: k1").contains("traceparent: 00-trace-k1")
                .contains("value (4 bytes): \\xff(\\x00x").contains("no record at 0:9").doesNotContain("key: k0");
    }

    @Test
    void replaysToTheSourceTopicOnceWithTheOriginalHeadersAndNotTheDeadLetterOnes() {
        try (KafkaConsumer<String, byte[]> source = TestKafka.consumer(SOURCE)) {
            assertThat(tool.replay(DLQ, null, Set.of(new DeadLetters.Position(0, 1)), null)).isEqualTo(1);
            ConsumerRecord<String, byte[]> k1 = TestKafka.await(source, r -> "k1".equals(r.key()),
                    Duration.ofSeconds(20));
            assertThat(k1.value()).containsExactly(0xC3, 0x28, 0, 'x');
            assertThat(new String(k1.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                    .isEqualTo("00-trace-k1");
            assertThat(new String(k1.headers().lastHeader(DeadLetters.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                    .isEqualTo(DLQ + "-0@1");
            assertThat(k1.headers().headers("dead-letter-reason")).isEmpty();

            // The rest, from the group's position: k2 only; k0 was passed over when 1 was picked.
            assertThat(tool.replay(DLQ, null, Set.of(), null)).isEqualTo(1);
            assertThat(tool.replay(DLQ, null, Set.of(), null)).as("nothing is replayed twice").isZero();
            assertThatThrownBy(() -> tool.replay(DLQ, null, Set.of(new DeadLetters.Position(0, 0)), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name another --group");
            assertThat(tool.replay(DLQ, SOURCE, Set.of(new DeadLetters.Position(0, 0)), "second-look")).isEqualTo(1);

            List<String> keys = new ArrayList<>(List.of("k1"));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                source.poll(Duration.ofMillis(200)).forEach(r -> keys.add(r.key()));
            }
            assertThat(keys).containsExactlyInAnyOrder("k0", "k1", "k2");
        }
    }

    @Test
    void theCommandLineNamesWhatIsWrong() {
        assertThatThrownBy(() -> DeadLetterArgs.parse(new String[]{"list"}, null))
                .hasMessageContaining("a command and a dead-letter topic");
        assertThatThrownBy(() -> DeadLetterArgs.parse(new String[]{"show", DLQ, "x1"}, null))
                .hasMessageContaining("not an offset: 'x1'");
        DeadLetterArgs args = DeadLetterArgs.parse(new String[]{"replay", DLQ, "--offsets", "3,1:7", "--to", SOURCE},
                "kafka:9092");
        assertThat(args.bootstrap()).isEqualTo("kafka:9092");
        assertThat(args.offsets()).containsExactly(new DeadLetters.Position(0, 3), new DeadLetters.Position(1, 7));
        assertThat(args.to()).isEqualTo(SOURCE);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
