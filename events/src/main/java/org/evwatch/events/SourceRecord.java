package org.evwatch.events;

import java.time.Instant;

/** Which source said what, and when: carried from {@link PaperFetched} to the catalog. */
public record SourceRecord(String source, String sourceRecordId, String contentType, String contentHash,
        Instant fetchedAt, String sourceUrl, String watchId) {

    public SourceRecord {
        Require.text(source, "source.source");
        Require.text(sourceRecordId, "source.sourceRecordId");
    }

    public static SourceRecord of(PaperFetched fetched) {
        return new SourceRecord(fetched.source(), fetched.sourceRecordId(), fetched.contentType(),
                fetched.contentHash(), fetched.fetchedAt(), fetched.sourceUrl(), fetched.watchId());
    }
}
