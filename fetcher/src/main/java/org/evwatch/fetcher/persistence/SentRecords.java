package org.evwatch.fetcher.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** What has been sent: the fetcher's memory across restarts. */
@ApplicationScoped
public class SentRecords {

    /** What to do with a record: skip it, send it as new, or send it as an update of one sent before. */
    public enum Decision {
        SKIP, NEW, UPDATE
    }

    @Transactional
    public Decision decide(String source, String recordId, String contentHash) {
        SentRecord known = SentRecord.findById(new SentRecord.Key(source, recordId));
        if (known == null) {
            return Decision.NEW;
        }
        return known.contentHash.equals(contentHash) ? Decision.SKIP : Decision.UPDATE;
    }

    /** Records that Kafka acknowledged the record. */
    @Transactional
    public void markSent(String source, String recordId, String contentHash) {
        SentRecord known = SentRecord.findById(new SentRecord.Key(source, recordId));
        if (known == null) {
            known = new SentRecord();
            known.key = new SentRecord.Key(source, recordId);
            known.timesSent = 0;
        }
        known.contentHash = contentHash;
        known.sentAt = Instant.now();
        known.timesSent++;
        known.persist();
    }

    @Transactional
    public long count(String source) {
        return SentRecord.count("key.source", source);
    }
}
