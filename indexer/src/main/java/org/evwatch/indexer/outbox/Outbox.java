package org.evwatch.indexer.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.PaperIndexedSerializer;

/**
 * The outbox table: each {@code PaperIndexed} the catalog owes {@code papers.indexed}, written in the same transaction
 * as the catalog change it announces, so either both commit or neither does.
 */
public final class Outbox {

    /** An announcement waiting to be published. */
    public record Pending(long id, String paperId, long version, byte[] payload) {
    }

    private static final PaperIndexedSerializer SERIALIZER = new PaperIndexedSerializer();

    private Outbox() {
    }

    /** Adds the announcements, in order, in the connection's current transaction: one batched statement. */
    public static void add(Connection connection, List<PaperIndexed> announcements) throws SQLException {
        addWritten(connection, announcements.stream()
                .map(a -> new Pending(0, a.paperId(), a.version(), SERIALIZER.serialize(null, a))).toList());
    }

    /**
     * Adds announcements already written as JSON (their ids are given by the table), in order, in the connection's
     * current transaction: one batched statement.
     */
    public static void addWritten(Connection connection, List<Pending> announcements) throws SQLException {
        if (announcements.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into outbox (paper_id, version, payload) values (?, ?, ?)")) {
            for (Pending a : announcements) {
                insert.setString(1, a.paperId());
                insert.setLong(2, a.version());
                insert.setBytes(3, a.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Claims the oldest announcements not yet published, at most {@code limit}, for the connection's transaction:
     * locked until it ends, and skipped by every other relay meanwhile. A row is left for later while an earlier
     * announcement of its paper is unpublished, in this claim or another's, so that each paper's versions reach
     * {@code papers.indexed} in order whatever the number of relays.
     */
    public static List<Pending> claim(Connection connection, int limit) throws SQLException {
        List<Pending> out = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, paper_id, version, payload "
                + "from outbox o where sent_at is null and not exists (select 1 from outbox earlier "
                + "where earlier.paper_id = o.paper_id and earlier.sent_at is null and earlier.id < o.id) "
                + "order by id limit ? for update skip locked")) {
            select.setInt(1, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBytes(4)));
                }
            }
        }
        return out;
    }

    /** How many announcements wait to be published. */
    public static long unsentCount(Connection connection) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from outbox where sent_at is null");
                ResultSet rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Marks the announcements published. */
    public static void markSent(Connection connection, List<Pending> sent) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox set sent_at = now() where id = any(?)")) {
            update.setArray(1, connection.createArrayOf("bigint", sent.stream().map(Pending::id).toArray()));
            update.executeUpdate();
        }
    }

    /** Deletes published announcements older than {@code keepDays} days; returns how many. */
    public static int prune(Connection connection, int keepDays) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from outbox where sent_at < now() - make_interval(days => ?)")) {
            delete.setInt(1, keepDays);
            return delete.executeUpdate();
        }
    }
}
