package org.evwatch.events;

import java.time.Instant;

/**
 * One raw record as a source gave it, keyed on the topic by {@link #sourceRecordId()}.
 *
 * @param schemaVersion version of this record's shape, {@link #SCHEMA_VERSION} when written by this code
 * @param source the source name, e.g. {@code pubmed}, {@code europepmc}, {@code inbox}
 * @param sourceRecordId the record's id at the source (a PMID, a DOI, a feed item guid...)
 * @param contentType the media type of {@link #payload()}, e.g. {@code application/vnd.pubmed+xml}
 * @param payload the record exactly as received, as text
 * @param contentHash SHA-256 of the payload, hex; a changed hash for a known id is an update
 * @param update true when this id was sent before with other content
 * @param fetchedAt when the fetcher received the record
 * @param sourceUrl the request or page the record came from
 * @param watchId the watch (saved source query) that found the record
 */
public record PaperFetched(
        int schemaVersion,
        String source,
        String sourceRecordId,
        String contentType,
        String payload,
        String contentHash,
        boolean update,
        Instant fetchedAt,
        String sourceUrl,
        String watchId) {

    public static final int SCHEMA_VERSION = 1;

    public PaperFetched {
        Require.version(schemaVersion, SCHEMA_VERSION);
        Require.text(source, "source");
        Require.text(sourceRecordId, "sourceRecordId");
        Require.text(contentType, "contentType");
        Require.present(payload, "payload");
        Require.present(fetchedAt, "fetchedAt");
    }
}
