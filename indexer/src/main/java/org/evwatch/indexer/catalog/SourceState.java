package org.evwatch.indexer.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.merge.RecordVersions;

/** A source record row as a batch sees it: its current version and the paper it belongs to. */
final class SourceState {

    final String source;
    final String sourceRecordId;
    String paperId;
    /** The PaperExtracted JSON as received, written back unchanged. */
    private String json;
    private PaperExtracted record;
    Instant receivedAt;
    /** True when the row must be written: a new version, a new record, or moved to another paper. */
    boolean dirty;

    SourceState(String source, String sourceRecordId, String paperId, String json, Instant receivedAt) {
        this.source = source;
        this.sourceRecordId = sourceRecordId;
        this.paperId = paperId;
        this.json = json;
        this.receivedAt = receivedAt;
    }

    static SourceState of(PaperExtracted record, String paperId, Instant receivedAt) {
        SourceState s = new SourceState(record.source().source(), record.source().sourceRecordId(), paperId,
                EventJson.writeString(record), receivedAt);
        s.record = record;
        s.dirty = true;
        return s;
    }

    /** Takes a newer version of the record. */
    void update(PaperExtracted newer, Instant receivedAt) {
        this.record = newer;
        this.json = EventJson.writeString(newer);
        this.receivedAt = receivedAt;
        this.dirty = true;
    }

    String key() {
        return key(source, sourceRecordId);
    }

    static String key(String source, String sourceRecordId) {
        return source + "\u001f" + sourceRecordId;
    }

    static String key(PaperExtracted record) {
        return RecordVersions.recordKey(record);
    }

    String json() {
        return json;
    }

    PaperExtracted record() {
        if (record == null) {
            record = EventJson.read(json.getBytes(StandardCharsets.UTF_8), PaperExtracted.class);
        }
        return record;
    }
}
