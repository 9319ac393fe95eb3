package org.evwatch.indexer.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** What identity resolution reads from the catalog, on the connection of the batch's transaction. */
final class CatalogReads {

    /** Serialises catalog writers across instances: identity resolution reads, then writes, several papers. */
    private static final long WRITE_LOCK = 0x45565761L;

    /** One row of paper_key. */
    record KeyRow(String key, String paperId, boolean idKey) {
    }

    private final Connection connection;

    CatalogReads(Connection connection) {
        this.connection = connection;
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
            List<SourceState> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new SourceState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5)));
                }
            }
            return out;
        }
    }

    /** The papers among {@code ids} that exist. */
    List<PaperState> papers(Collection<String> ids) throws SQLException {
        List<PaperState> out = new ArrayList<>();
        try (PreparedStatement s = anyOf("select id, created_at, version, merged_hash from paper where id = any(?)",
                ids); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new PaperState(rs.getString(1), instant(rs, 2), true, null, rs.getLong(3), rs.getString(4)));
            }
        }
        return out;
    }

    /** Every paper_key row holding one of {@code keys}. */
    List<KeyRow> keyRows(Collection<String> keys) throws SQLException {
        List<KeyRow> out = new ArrayList<>();
        try (PreparedStatement s = anyOf("select key, paper_id, id_key from paper_key where key = any(?)", keys);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new KeyRow(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        }
        return out;
    }

    /** True when a paper or an alias has this id. */
    boolean idTaken(String id) throws SQLException {
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
