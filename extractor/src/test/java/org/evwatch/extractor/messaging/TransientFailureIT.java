package org.evwatch.extractor.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.PaperExtractedDeserializer;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A dependency that times out three times on one record, outside any retried call, on the real broker: the partition
 * is taken again from that record until it goes through, the records behind it come out again after it in order,
 * and nothing is dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@TestProfile(TransientFailureIT.Flaky.class)
class TransientFailureIT {

    public static final class Flaky implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FlakyExtraction.class);
        }
    }

    private static final String INPUT_KEY = "flaky-run";
    private static final String DOI = "10.5555/evwatch.flaky.0001";
    private static final List<String> AFTER = List.of("ok-2", "ok-3", "ok-4", "ok-5");

    @Test
    void aTransientFailureOutsideTheRetriedCallIsTakenAgainAndTheStreamGoesOn() {
        FlakyExtraction.TIMEOUTS_LEFT.set(3);
        FlakyExtraction.TIMEOUTS_THROWN.set(0);
        try (KafkaConsumer<String, byte[]> out = TestKafka.consumer(Topics.PAPERS_EXTRACTED);
                KafkaConsumer<String, byte[]> dlq = TestKafka.consumer(Topics.PAPERS_FETCHED_DLQ)) {
            // One input key: one partition, so the order of the records is defined. One DOI: one output partition.
            send("flaky-1");
            AFTER.forEach(TransientFailureIT::send);

            List<String> seen = awaitReplayInOrder(out, Duration.ofSeconds(60));
            assertThat(FlakyExtraction.TIMEOUTS_THROWN.get()).isEqualTo(3);
            assertThat(seen).contains("flaky-1").containsAll(AFTER);

            List<ConsumerRecord<String, byte[]>> parked = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                dlq.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (INPUT_KEY.equals(r.key())) {
                        parked.add(r);
                    }
                });
            }
            assertThat(parked).as("records dead-lettered").isEmpty();
        }
    }

    private static void send(String id) {
        TestKafka.send(Topics.PAPERS_FETCHED, INPUT_KEY, ExtractorKafkaIT.fetched(id,
                ExtractorKafkaIT.article("993000" + id.charAt(id.length() - 1), DOI, "Exosomes in run " + id)));
    }

    /**
     * The source record ids that came out for the DOI, polled until the flaky record came out followed by every
     * record sent after it, in the order they were sent.
     */
    private static List<String> awaitReplayInOrder(KafkaConsumer<String, byte[]> out, Duration timeout) {
        List<String> seen = new ArrayList<>();
        PaperExtractedDeserializer decode = new PaperExtractedDeserializer();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : out.poll(Duration.ofMillis(200))) {
                if (("doi:" + DOI).equals(r.key())) {
                    seen.add(decode.deserialize(r.topic(), r.value()).source().sourceRecordId());
                }
            }
            int flaky = seen.indexOf("flaky-1");
            if (flaky >= 0 && inOrder(seen.subList(flaky + 1, seen.size()))) {
                return seen;
            }
        }
        throw new AssertionError("the flaky record and those after it did not come out in order: " + seen);
    }

    private static boolean inOrder(List<String> after) {
        int next = 0;
        for (String id : after) {
            if (next < AFTER.size() && id.equals(AFTER.get(next))) {
                next++;
            }
        }
        return next == AFTER.size();
    }
}
