package org.evwatch.events.consumer;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure of the record itself (malformed, unparsable, refused by a rule: it would fail again, so it belongs
 * on the dead-letter topic) from a failure of something the consumer depends on (the database restarting, the broker
 * away, a timeout: the same record will succeed later, so it is retried and never dead-lettered).
 */
public final class Failures {

    /** Hibernate's and Kafka's exceptions for a lost connection, a lock or a timeout, named to need neither library. */
    private static final Set<String> TRANSIENT_TYPES = Set.of("org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException", "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException", "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.LockTimeoutException", "jakarta.persistence.PessimisticLockException",
            "jakarta.transaction.SystemException", "io.agroal.api.AgroalPoolException");

    private Failures() {
    }

    /** Whether {@code failure}, or anything that caused it, is a failure of a dependency rather than of the record. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SQLNonTransientConnectionException || t instanceof TimeoutException
                || t instanceof SocketException || t instanceof InterruptedIOException
                || t instanceof UnknownHostException || t instanceof HttpTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection; 53: out of resources; 57P: server shutting down; 40001/40P01: serialization, deadlock.
            return state.startsWith("08") || state.startsWith("53") || state.startsWith("57P")
                    || state.equals("40001") || state.equals("40P01");
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(c.getName()) || c.getName().equals(
                    "org.apache.kafka.common.errors.RetriableException")) {
                return true;
            }
        }
        return false;
    }
}
