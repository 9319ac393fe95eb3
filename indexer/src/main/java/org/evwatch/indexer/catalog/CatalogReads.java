package org.evwatch.indexer.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evwatch.events.PaperExtracted;
import org.evwatch.indexer.merge.IdentityKeys;

/**
 * What identity resolution reads from the catalog, on the connection of the batch's transaction. Nothing is written
 * until the whole batch is placed, so what was read once holds for the rest of the batch: source records and key rows
 * are kept, and {@link #prefetch} reads those of a whole batch in two queries instead of a few per record.
 */
final class CatalogReads {

    /** Serialises catalog writers across instances: identity resolution reads, then writes, several papers. */
    private static final long WRITE_LOCK = 0x45565761L;

    /** One row of paper_key. */
    record KeyRow(String key, String paperId, boolean idKey) {
    }

    private final Connection connection;
    /** Source records read so far, by source and record id; a null value: known to be absent. */
    private final Map<String, SourceState> recordCache = new HashMap<>();
    /** Key rows read so far, by key; an empty list: no paper holds it. */
    private final Map<String, List<KeyRow>> keyCache = new HashMap<>();
    /** Ids read up front, and those of them a paper or an alias has. */
    private final Set<String> askedIds = new HashSet<>();
    private final Set<String> takenIds = new HashSet<>();

    CatalogReads(Connection connection) {
        this.connection = connection;
    }

    /**
     * Reads, in three queries, the stored source records of the batch's records, the rows of their keys (those they
     * are looked up by and those a new paper of theirs would hold), and whether their paper keys are taken as ids.
     */
    void prefetch(Collection<PaperExtracted> batch) throws SQLException {
        List<String> sources = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (PaperExtracted r : batch) {
            String cacheKey = recordKey(r.source().source(), r.source().sourceRecordId());
            if (!recordCache.containsKey(cacheKey)) {
                recordCache.put(cacheKey, null);
                sources.add(r.source().source());
                ids.add(r.source().sourceRecordId());
            }
            keys.addAll(IdentityKeys.all(r.paper()));
        }
        try (PreparedStatement s = connection.prepareStatement("select source, source_record_id, paper_id, record, "
                + "received_at from source_record where (source, source_record_id) in "
                + "(select * from unnest(?::text[], ?::text[]))")) {
            s.setArray(1, connection.createArrayOf("text", sources.toArray(String[]::new)));
            s.setArray(2, connection.createArrayOf("text", ids.toArray(String[]::new)));
            for (SourceState found : records(s)) {
                recordCache.put(recordKey(found.source, found.sourceRecordId), found);
            }
        }
        keyRows(keys);
        idsTaken(batch.stream().map(PaperExtracted::paperKey).distinct().toList());
    }

    /** Reads which of the ids a paper or an alias has, in one query; {@link #idTaken} answers from it. */
    private void idsTaken(List<String> ids) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select id from paper where id = any(?) "
                + "union all select alias from paper_alias where alias = any(?)")) {
            Array array = connection.createArrayOf("text", ids.toArray(String[]::new));
            s.setArray(1, array);
            s.setArray(2, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    takenIds.add(rs.getString(1));
                }
            }
        }
        askedIds.addAll(ids);
    }

    private static String recordKey(String source, String sourceRecordId) {
        return source + '\u0000' + sourceRecordId;
    }

    /** Waits for the catalog write lock, held until the transaction ends. */
    void lock() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, WRITE_LOCK);
            s.executeQuery().close();
        }
    }

    /** The stored version of a source record, or null. */
    SourceState record(String source, String sourceRecordId) throws SQLException {
        String cacheKey = recordKey(source, sourceRecordId);
        if (recordCache.containsKey(cacheKey)) {
            return recordCache.get(cacheKey);
        }
        List<SourceState> found = records("source = ? and source_record_id = ?", source, sourceRecordId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The source records of a paper. */
    List<SourceState> recordsOf(String paperId) throws SQLException {
        return records("paper_id = ?", paperId);
    }

    private List<SourceState> records(String where, String... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("select source, source_record_id, paper_id, record, "
                + "received_at from source_record where " + where)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            return records(s);
        }
    }

    private static List<SourceState> records(PreparedStatement s) throws SQLException {
        List<SourceState> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new SourceState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs, 5)));
            }
        }
        return out;
    }

    /**
     * The papers among {@code ids} that exist, with their last announced version: a change that leaves it as it was
     * is written without a new version.
     */
    List<PaperState> papers(Collection<String> ids) throws SQLException {
        List<PaperState> out = new ArrayList<>();
        try (PreparedStatement s = anyOf("select id, created_at, version, merged_hash, merged, change_seq, "
                + "updated_at from paper where id = any(?)", ids); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                PaperState p = new PaperState(rs.getString(1), instant(rs, 2), true, rs.getLong(3),
                        rs.getString(4));
                p.mergedJson = rs.getString(5);
                p.changeSeq = rs.getLong(6);
                p.updatedAt = instant(rs, 7);
                out.add(p);
            }
        }
        return out;
    }

    /** Every paper_key row holding one of {@code keys}; only keys not read before are asked for. */
    List<KeyRow> keyRows(Collection<String> keys) throws SQLException {
        List<String> unread = keys.stream().filter(k -> !keyCache.containsKey(k)).distinct().toList();
        if (!unread.isEmpty()) {
            unread.forEach(k -> keyCache.put(k, new ArrayList<>()));
            try (PreparedStatement s = anyOf("select key, paper_id, id_key from paper_key where key = any(?)",
                    unread); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    KeyRow row = new KeyRow(rs.getString(1), rs.getString(2), rs.getBoolean(3));
                    keyCache.get(row.key()).add(row);
                }
            }
        }
        List<KeyRow> out = new ArrayList<>();
        for (String k : new LinkedHashSet<>(keys)) {
            out.addAll(keyCache.get(k));
        }
        return out;
    }

    /** True when a paper or an alias has this id. */
    boolean idTaken(String id) throws SQLException {
        if (askedIds.contains(id)) {
            return takenIds.contains(id);
        }
        try (PreparedStatement s = connection.prepareStatement("select exists (select 1 from paper where id = ?) "
                + "or exists (select 1 from paper_alias where alias = ?)")) {
            s.setString(1, id);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The next {@code n} change numbers, in increasing order. */
    long[] nextChangeSeqs(int n) throws SQLException {
        long[] seqs = new long[n];
        if (n == 0) {
            return seqs;
        }
        try (PreparedStatement s = connection
                .prepareStatement("select nextval('paper_change_seq') from generate_series(1, ?)")) {
            s.setInt(1, n);
            try (ResultSet rs = s.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    seqs[i] = rs.getLong(1);
                }
            }
        }
        Arrays.sort(seqs);
        return seqs;
    }

    private PreparedStatement anyOf(String sql, Collection<String> values) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        try {
            s.setArray(1, connection.createArrayOf("text", values.toArray(String[]::new)));
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
