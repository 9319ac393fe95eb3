package org.evwatch.fetcher.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.serde.EventJson;
import org.evwatch.fetcher.messaging.OutgoingRecord;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sent-record bookkeeping against the real PostgreSQL: what is remembered is the JSON sent to Kafka (what a
 * replay sends again), a record sent again counts once more and keeps its latest copy, also within one batch, and a
 * batch larger than one statement is remembered whole.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class SentRecordsIT {

    @Inject
    UserTransaction transaction;
    @Inject
    SentRecords sent;
    @Inject
    Replays replays;

    @Test
    void remembersTheJsonSentAndCountsEverySend() throws Exception {
        String source = "it-" + UUID.randomUUID();
        PaperFetched first = record(source, "1", "<first/>");
        OutgoingRecord outgoing = OutgoingRecord.of(first);
        sent.markAllSent(List.of(outgoing, OutgoingRecord.of(record(source, "2", "<other/>"))));

        SentRecord stored = find(source, "1");
        assertThat(stored.timesSent).isEqualTo(1);
        assertThat(stored.contentHash).isEqualTo(first.contentHash());
        assertThat(stored.record).isEqualTo(new String(outgoing.json(), StandardCharsets.UTF_8));
        assertThat(replays.page(source, "", 1).get(0).record()).isEqualTo(first);
        Instant firstSentAt = stored.sentAt;

        PaperFetched changed = record(source, "1", "<changed/>");
        sent.markAllSent(List.of(OutgoingRecord.of(changed)));
        SentRecord again = find(source, "1");
        assertThat(again.timesSent).isEqualTo(2);
        assertThat(again.contentHash).isEqualTo(changed.contentHash());
        assertThat(again.sentAt).isAfterOrEqualTo(firstSentAt);
        assertThat(EventJson.read(again.record.getBytes(StandardCharsets.UTF_8), PaperFetched.class))
                .isEqualTo(changed);
        assertThat(find(source, "2").timesSent).as("a record not sent again is left as it was").isEqualTo(1);
        assertThat(sent.decideAll(source, Map.of("1", changed.contentHash(), "2", "0".repeat(64))))
                .containsEntry("1", SentRecords.Decision.SKIP).containsEntry("2", SentRecords.Decision.UPDATE);
    }

    @Test
    void aRecordGivenTwiceInOneBatchCountsTwiceAndKeepsTheLaterCopy() throws Exception {
        String source = "it-" + UUID.randomUUID();
        PaperFetched earlier = record(source, "1", "<earlier/>");
        PaperFetched later = record(source, "1", "<later/>");
        sent.markAllSent(List.of(OutgoingRecord.of(earlier), OutgoingRecord.of(later)));

        SentRecord stored = find(source, "1");
        assertThat(stored.timesSent).isEqualTo(2);
        assertThat(stored.contentHash).isEqualTo(later.contentHash());
        assertThat(replays.page(source, "", 1).get(0).record()).isEqualTo(later);
    }

    @Test
    void aBatchLargerThanOneStatementIsRememberedWhole() throws Exception {
        String source = "it-" + UUID.randomUUID();
        int count = SentRecords.ROWS_PER_STATEMENT * 2 + 7;
        List<OutgoingRecord> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(OutgoingRecord.of(record(source, String.format("%05d", i), "<r n='" + i + "'/>")));
        }
        sent.markAllSent(batch);
        sent.markAllSent(List.of());

        assertThat(sent.count(source)).isEqualTo(count);
        assertThat(find(source, String.format("%05d", count - 1)).record)
                .isEqualTo(new String(batch.get(count - 1).json(), StandardCharsets.UTF_8));
    }

    /** The row as stored now, read in a transaction of its own. */
    private SentRecord find(String source, String recordId) throws Exception {
        transaction.begin();
        try {
            return SentRecord.findById(new SentRecord.Key(source, recordId));
        } finally {
            transaction.commit();
        }
    }

    private static PaperFetched record(String source, String id, String payload) {
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, source, id, ContentTypes.PUBMED_XML, payload,
                PaperKeys.sha256(payload), false, Instant.parse("2026-01-02T03:04:05Z"), "stub://" + source,
                "ev-cancer");
    }
}
