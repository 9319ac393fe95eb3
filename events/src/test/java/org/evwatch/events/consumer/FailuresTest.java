package org.evwatch.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import org.evwatch.events.serde.MalformedEventException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void aLostDatabaseOrBrokerIsTransientWhereverItIsInTheCauseChain() {
        assertThat(Failures.isTransient(new SQLTransientConnectionException("pool exhausted"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(Failures.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Failures.isTransient(new IllegalStateException("write failed",
                new RuntimeException("wrapped", new ConnectException("refused"))))).isTrue();
        assertThat(Failures.isTransient(new TimeoutException("no answer"))).isTrue();
        assertThat(Failures.isTransient(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("moved")))
                .isTrue();
    }

    @Test
    void aRecordThatIsWrongInItselfIsNot() {
        assertThat(Failures.isTransient(new MalformedEventException("not JSON"))).isFalse();
        // Jackson's parse errors are IOExceptions: an input/output failure class alone proves nothing.
        assertThat(Failures.isTransient(new IllegalStateException("bad record",
                new com.fasterxml.jackson.core.JsonParseException(null, "Unexpected character")))).isFalse();
        assertThat(Failures.isTransient(new java.io.UncheckedIOException(new java.io.IOException("truncated"))))
                .isFalse();
        assertThat(Failures.isTransient(new IllegalArgumentException("title is required"))).isFalse();
        assertThat(Failures.isTransient(new SQLException("value too long for type character varying(64)", "22001")))
                .isFalse();
        assertThat(Failures.isTransient(new SQLException("no state"))).isFalse();
        assertThat(Failures.isTransient(new NullPointerException())).isFalse();
    }
}
