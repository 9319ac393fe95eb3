package org.evwatch.fetcher.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** One record to remember: its source, id and the hash of the content sent. */
    public record Sent(String source, String recordId, String contentHash) {
    }

    /**
     * Decides for many records of one source in one query: the decision per record id (ids mapped to their content
     * hash).
     */
    @Transactional
    public Map<String, Decision> decideAll(String source, Map<String, String> hashById) {
        Map<String, Decision> out = new HashMap<>();
        if (hashById.isEmpty()) {
            return out;
        }
        List<SentRecord> known = SentRecord.list("key.source = ?1 and key.recordId in ?2", source,
                List.copyOf(hashById.keySet()));
        Map<String, String> knownHash = new HashMap<>();
        known.forEach(k -> knownHash.put(k.key.recordId, k.contentHash));
        hashById.forEach((id, hash) -> {
            String before = knownHash.get(id);
            out.put(id, before == null ? Decision.NEW : before.equals(hash) ? Decision.SKIP : Decision.UPDATE);
        });
        return out;
    }

    /** Remembers many acknowledged records in one transaction. */
    @Transactional
    public void markAllSent(Collection<Sent> records) {
        Instant now = Instant.now();
        for (Sent r : records) {
            SentRecord known = SentRecord.findById(new SentRecord.Key(r.source(), r.recordId()));
            if (known == null) {
                known = new SentRecord();
                known.key = new SentRecord.Key(r.source(), r.recordId());
                known.timesSent = 0;
            }
            known.contentHash = r.contentHash();
            known.sentAt = now;
            known.timesSent++;
            known.persist();
        }
    }

    @Transactional
    public long count(String source) {
        return SentRecord.count("key.source", source);
    }
}
