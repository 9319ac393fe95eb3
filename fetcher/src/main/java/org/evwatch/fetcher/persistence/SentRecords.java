package org.evwatch.fetcher.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.evwatch.events.PaperFetched;
import org.evwatch.fetcher.messaging.OutgoingRecord;
import org.hibernate.Session;

/** What has been sent, and each record as last sent: the fetcher's memory across restarts, and what a replay sends. */
@ApplicationScoped
public class SentRecords {

    /** Rows per upsert: a window's records go in a few statements without one statement growing unbounded. */
    static final int ROWS_PER_STATEMENT = 1_000;

    private static final String UPSERT = """
            insert into sent_record as s (source, record_id, content_hash, sent_at, times_sent, record)
            select source, record_id, content_hash, ?, times_sent, record
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::text[])
                as t (source, record_id, content_hash, times_sent, record)
            on conflict (source, record_id) do update set content_hash = excluded.content_hash,
                sent_at = excluded.sent_at, times_sent = s.times_sent + excluded.times_sent, record = excluded.record""";

    private final EntityManager em;

    public SentRecords(EntityManager em) {
        this.em = em;
    }

    /** A key's last copy in a batch, given {@code times} times in it. */
    private record Row(OutgoingRecord record, int times) {
    }

    /** What to do with a record: skip it, send it as new, or send it as an update of one sent before. */
    public enum Decision {
        SKIP, NEW, UPDATE
    }

    /**
     * Decides for records of any sources, one query per source: the decision per source and record id. Of two
     * records with one id, the first is decided.
     */
    @Transactional
    public Map<String, Map<String, Decision>> decideAll(Collection<PaperFetched> records) {
        Map<String, Map<String, String>> bySource = new LinkedHashMap<>();
        for (PaperFetched r : records) {
            bySource.computeIfAbsent(r.source(), s -> new LinkedHashMap<>()).putIfAbsent(r.sourceRecordId(),
                    r.contentHash());
        }
        Map<String, Map<String, Decision>> decisions = new HashMap<>();
        bySource.forEach((source, ids) -> decisions.put(source, decideAll(source, ids)));
        return decisions;
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

    /**
     * Remembers acknowledged records, with the JSON sent to Kafka as the copy a replay sends again: one upsert per
     * {@value #ROWS_PER_STATEMENT} records, all in one transaction. A record given twice counts as sent twice, and
     * the later copy is the one kept.
     */
    @Transactional
    public void markAllSent(Collection<OutgoingRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<Row> rows = rows(records);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                    bind(c, upsert, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT)), now);
                    upsert.executeUpdate();
                }
            }
        });
    }

    /** One row per key: the last copy given, and how many times the key was given. */
    private static List<Row> rows(Collection<OutgoingRecord> records) {
        Map<SentRecord.Key, Row> byKey = new LinkedHashMap<>();
        for (OutgoingRecord r : records) {
            byKey.merge(new SentRecord.Key(r.source(), r.recordId()), new Row(r, 1),
                    (earlier, later) -> new Row(later.record(), earlier.times() + 1));
        }
        return List.copyOf(byKey.values());
    }

    private static void bind(Connection c, PreparedStatement upsert, List<Row> rows, OffsetDateTime now)
            throws SQLException {
        int n = rows.size();
        String[] sources = new String[n];
        String[] ids = new String[n];
        String[] hashes = new String[n];
        Integer[] times = new Integer[n];
        String[] json = new String[n];
        for (int i = 0; i < n; i++) {
            OutgoingRecord r = rows.get(i).record();
            sources[i] = r.source();
            ids[i] = r.recordId();
            hashes[i] = r.contentHash();
            times[i] = rows.get(i).times();
            json[i] = new String(r.json(), StandardCharsets.UTF_8);
        }
        upsert.setObject(1, now);
        upsert.setArray(2, c.createArrayOf("varchar", sources));
        upsert.setArray(3, c.createArrayOf("varchar", ids));
        upsert.setArray(4, c.createArrayOf("varchar", hashes));
        upsert.setArray(5, c.createArrayOf("int4", times));
        upsert.setArray(6, c.createArrayOf("text", json));
    }

    @Transactional
    public long count(String source) {
        return SentRecord.count("key.source", source);
    }
}
