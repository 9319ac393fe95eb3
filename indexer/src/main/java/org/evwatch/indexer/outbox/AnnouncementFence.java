package org.evwatch.indexer.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Keeps every relay, in every indexer, from picking up announcements while any indexer is between committing catalog
 * changes and making them searchable: a PostgreSQL advisory lock, held shared by the writers and taken exclusive by a
 * relay only for the query that claims its rows. Being the database's, it covers indexers on other machines. Both
 * sides hold it for a transaction of its own, on a connection that only holds the lock, so it ends with that
 * transaction, whatever happens: it cannot stay behind on a pooled connection, and an indexer that dies holding it
 * blocks nobody. Both sides wait for it a bounded time; a writer that could not have it in
 * {@value #WRITER_WAIT_SECONDS} s fails its batch, which is retried, and logs who held it.
 */
final class AnnouncementFence {

    /** The lock's key, distinct from the catalog's write lock. */
    static final long KEY = 0x45565752L;
    static final int WRITER_WAIT_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(AnnouncementFence.class);
    /** PostgreSQL's lock_not_available: a bounded wait ran out. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private AnnouncementFence() {
    }

    /** Runs {@code work} holding the fence shared, on a connection of its own that only holds the lock. */
    static <T> T holdingShared(DataSource dataSource, Supplier<T> work) {
        return holdingShared(dataSource, work, WRITER_WAIT_SECONDS);
    }

    static <T> T holdingShared(DataSource dataSource, Supplier<T> work, int waitSeconds) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!take(c, "pg_advisory_xact_lock_shared", waitSeconds + "s")) {
                    throw new IllegalStateException("announcement fence: not had in " + waitSeconds + " s; held by "
                            + holders(dataSource));
                }
                return work.get();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("announcement fence: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code claim} holding the fence exclusive, waiting at most a second for it (so that a stop is seen while
     * writers keep it); empty when the wait ran out.
     */
    static <T> Optional<T> whileExclusive(DataSource dataSource, SqlWork<T> claim) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                return take(c, "pg_advisory_xact_lock", "1s") ? Optional.of(claim.run()) : Optional.empty();
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /** Work on the database while the fence is held. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Takes the lock for the transaction of {@code c}, waiting at most {@code wait}; false when the wait ran out. */
    private static boolean take(Connection c, String function, String wait) throws SQLException {
        try (PreparedStatement timeout = c.prepareStatement("select set_config('lock_timeout', ?, true)")) {
            timeout.setString(1, wait);
            timeout.executeQuery().close();
        }
        try (PreparedStatement s = c.prepareStatement("select " + function + "(?)")) {
            s.setLong(1, KEY);
            s.executeQuery().close();
            return true;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** The sessions holding or awaiting the fence, for the line that says why a writer gave up. */
    private static String holders(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select l.pid, l.mode, l.granted, a.state, a.query "
                        + "from pg_locks l left join pg_stat_activity a on a.pid = l.pid where l.locktype = "
                        + "'advisory' and l.objid = ? order by l.granted desc")) {
            s.setLong(1, KEY);
            StringBuilder out = new StringBuilder();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.append(String.format("[pid %d %s%s, %s: %s] ", rs.getInt(1), rs.getString(2),
                            rs.getBoolean(3) ? "" : " (waiting)", rs.getString(4), rs.getString(5)));
                }
            }
            return out.length() == 0 ? "nobody now" : out.toString().trim();
        } catch (SQLException e) {
            LOG.debugf("the fence's holders could not be read: %s", e.getMessage());
            return "(unknown: " + e.getMessage() + ")";
        }
    }
}
