package org.evwatch.fetcher.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.evwatch.events.PaperFetched;
import org.evwatch.events.serde.EventJson;

/** What has been sent, and each record as last sent: the fetcher's memory across restarts, and what a replay sends. */
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

    /** One record to remember: its source, id, the hash of the content sent, and the record as sent. */
    public record Sent(String source, String recordId, String contentHash, PaperFetched record) {

        public static Sent of(PaperFetched record) {
            return new Sent(record.source(), record.sourceRecordId(), record.contentHash(), record);
        }
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
            known.record = EventJson.writeString(r.record());
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
