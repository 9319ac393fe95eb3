package org.evwatch.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventDeserializer;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.MalformedEventException;
import org.evwatch.events.serde.PaperExtractedDeserializer;
import org.evwatch.events.serde.PaperFetchedDeserializer;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Every bad record the generator makes fails to decode as a {@link MalformedEventException} whose message holds the
 * reason the dead-letter tests expect (unless it is meant to fail later, in the consumer), while the valid event it is
 * made from decodes: a bad record passing, or failing as another kind of exception, would be retried or passed on.
 */
class BadRecordsTest {

    @Test
    void onPapersFetched() {
        everyBadRecordFailsToDecodeAsMalformedWithItsReason(Topics.PAPERS_FETCHED);
    }

    @Test
    void onPapersExtracted() {
        everyBadRecordFailsToDecodeAsMalformedWithItsReason(Topics.PAPERS_EXTRACTED);
    }

    @Test
    void onPapersIndexed() {
        everyBadRecordFailsToDecodeAsMalformedWithItsReason(Topics.PAPERS_INDEXED);
    }

    private static void everyBadRecordFailsToDecodeAsMalformedWithItsReason(String topic) {
        EventDeserializer<?> deserializer = deserializer(topic);
        deserializer.decode(record(topic, "good", EventJson.write(BadRecords.goodEvent(topic))));
        List<BadRecords.Bad> bad = BadRecords.forTopic(topic, "unit");
        assertTrue(bad.size() >= 14, "every kind of bad record");
        for (BadRecords.Bad b : bad) {
            ConsumerRecord<String, byte[]> record = record(topic, b.key(), b.value());
            if (!b.exceptionClass().equals(BadRecords.MALFORMED)) {
                deserializer.decode(record);
                continue;
            }
            MalformedEventException e = assertThrows(MalformedEventException.class, () -> deserializer.decode(record),
                    b.kind() + " must not decode");
            assertTrue(Pattern.compile(b.reason()).matcher(e.getMessage()).find(),
                    b.kind() + ": reason '" + e.getMessage() + "' lacks /" + b.reason() + "/");
            assertEquals(BadRecords.MALFORMED, e.getClass().getName());
        }
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String key, byte[] value) {
        return new ConsumerRecord<>(topic, 0, 0, key, value);
    }

    private static EventDeserializer<?> deserializer(String topic) {
        return switch (topic) {
            case Topics.PAPERS_FETCHED -> new PaperFetchedDeserializer();
            case Topics.PAPERS_EXTRACTED -> new PaperExtractedDeserializer();
            default -> new PaperIndexedDeserializer();
        };
    }
}
