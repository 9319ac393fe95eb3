package org.evwatch.fetcher.source;

import java.time.Instant;

import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;

/** Builds the event for one record; the hash is over the payload exactly as received. */
public final class Records {

    private Records() {
    }

    public static PaperFetched fetched(String source, String id, String contentType, String payload, String url,
            String watchId, Instant fetchedAt) {
        return new PaperFetched(PaperFetched.SCHEMA_VERSION, source, id, contentType, payload,
                PaperKeys.sha256(payload), false, fetchedAt, url, watchId);
    }
}
