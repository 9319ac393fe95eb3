package org.evwatch.indexer.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Keeps every relay, in every indexer, from picking up announcements while any indexer is between committing catalog
 * changes and making them searchable: a PostgreSQL advisory lock, held shared by the writers and taken exclusive by a
 * relay only for the query that claims its rows. Being the database's, it covers indexers on other machines, and it
 * ends with the session that holds it, so an indexer that dies holding it blocks nobody.
 */
final class AnnouncementFence {

    /** The lock's key, distinct from the catalog's write lock. */
    static final long KEY = 0x45565752L;
    /** PostgreSQL's lock_not_available: the relay's bounded wait ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private AnnouncementFence() {
    }

    /** Runs {@code work} holding the fence shared, on a connection of its own that only holds the lock. */
    static <T> T holdingShared(DataSource dataSource, Supplier<T> work) {
        try (Connection c = dataSource.getConnection()) {
            run(c, "select pg_advisory_lock_shared(?)");
            try {
                return work.get();
            } finally {
                run(c, "select pg_advisory_unlock_shared(?)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("announcement fence: " + e.getMessage(), e);
        }
    }

    /**
     * Takes the fence exclusive for the session of {@code c}, which must be in a transaction, waiting at most a second
     * (so that a stop is seen while writers keep it); false when the wait ran out, the transaction then rolled back.
     */
    static boolean tryExclusive(Connection c) throws SQLException {
        try (PreparedStatement timeout = c.prepareStatement("set local lock_timeout = '1s'")) {
            timeout.execute();
        }
        try {
            run(c, "select pg_advisory_lock(?)");
            return true;
        } catch (SQLException e) {
            if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw e;
            }
            c.rollback();
            return false;
        }
    }

    /** Gives the exclusive fence back; a session lock, it outlives a rollback of the transaction that took it. */
    static void releaseExclusive(Connection c) throws SQLException {
        run(c, "select pg_advisory_unlock(?)");
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, KEY);
            s.executeQuery().close();
        }
    }
}
