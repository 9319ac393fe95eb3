package org.evwatch.indexer.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RowBatchTest {

    private static RowBatch sourceRecords() {
        return RowBatch.into("source_record").column("source", "text").column("source_record_id", "text")
                .column("paper_id", "text").column("received_at", "timestamptz").column("record", "text");
    }

    @Test
    void anUpsertUpdatesEveryColumnButTheKeyAndTheOnesKept() {
        assertThat(sourceRecords().onConflictUpdate("source, source_record_id")).isEqualTo(
                "on conflict (source, source_record_id) do update set paper_id = excluded.paper_id, "
                        + "received_at = excluded.received_at, record = excluded.record");
        assertThat(sourceRecords().onConflictUpdate("source", "record", "received_at")).isEqualTo(
                "on conflict (source) do update set source_record_id = excluded.source_record_id, "
                        + "paper_id = excluded.paper_id");
    }

    @Test
    void aRowHasOneCellPerColumn() {
        RowBatch batch = sourceRecords().row("pubmed", "1", "p1", Instant.EPOCH, null);
        assertThat(batch.size()).isEqualTo(1);
        assertThatThrownBy(() -> batch.row("pubmed", "2")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 cells for 5 columns");
    }

    @Test
    void anEmptyBatchSendsNothing() throws Exception {
        // A null connection would fail on first use: nothing is prepared for an empty batch.
        Connection none = null;
        assertThat(sourceRecords().insert(none, "")).isZero();
        assertThat(RowBatch.deleteWhereAny(none, "author", "paper_id", java.util.List.of())).isZero();
    }
}
