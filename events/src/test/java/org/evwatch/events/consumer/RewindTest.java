package org.evwatch.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RewindTest {

    private static final TopicPartition P0 = new TopicPartition("papers.fetched", 0);
    private static final TopicPartition P1 = new TopicPartition("papers.fetched", 1);

    private static MockConsumer<String, byte[]> readUpTo(long position) {
        MockConsumer<String, byte[]> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(P0));
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.seek(P0, position);
        return consumer;
    }

    @Test
    void movesThePartitionBackToTheFailedRecordWhenItWasReadPast() {
        MockConsumer<String, byte[]> consumer = readUpTo(120);
        Rewind.seekBack(consumer, P0, 100);
        assertThat(consumer.position(P0)).isEqualTo(100);
    }

    @Test
    void neverMovesForwardSinceThatWouldSkipRecords() {
        // An earlier rewind moved the partition back to 90: a later failure at 100 must not skip 90 to 99.
        MockConsumer<String, byte[]> consumer = readUpTo(90);
        Rewind.seekBack(consumer, P0, 100);
        assertThat(consumer.position(P0)).isEqualTo(90);
    }

    @Test
    void leavesAPartitionThatIsNoLongerAssigned() {
        MockConsumer<String, byte[]> consumer = readUpTo(120);
        Rewind.seekBack(consumer, P1, 5);
        assertThat(consumer.assignment()).containsExactly(P0);
        assertThat(consumer.position(P0)).isEqualTo(120);
    }

    @Test
    void theBackoffDoublesFromAFifthOfASecondUpToHalfAMinute() {
        assertThat(Rewind.backoff(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(Rewind.backoff(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(Rewind.backoff(5)).isEqualTo(Duration.ofMillis(3200));
        assertThat(Rewind.backoff(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Rewind.backoff(1000)).isEqualTo(Duration.ofSeconds(30));
    }
}
