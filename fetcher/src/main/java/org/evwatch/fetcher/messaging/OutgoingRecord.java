package org.evwatch.fetcher.messaging;

import org.evwatch.events.PaperFetched;
import org.evwatch.events.serde.EventJson;

/**
 * A record for papers.fetched, written as JSON once: the bytes Kafka gets are the bytes the sent-record table keeps,
 * so what a replay sends again is exactly what was sent.
 *
 * @param json the record as {@link EventJson} writes it (UTF-8)
 */
public record OutgoingRecord(String source, String recordId, String contentHash, byte[] json) {

    public static OutgoingRecord of(PaperFetched record) {
        return new OutgoingRecord(record.source(), record.sourceRecordId(), record.contentHash(),
                EventJson.write(record));
    }
}
