package org.evwatch.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RedeliveryTest {

    private final Redelivery redelivery = new Redelivery();

    @Test
    void retriesATransientFailureUntilTheDependencyIsBack() {
        AtomicInteger calls = new AtomicInteger();
        String result = redelivery.call(() -> {
            if (calls.incrementAndGet() < 4) {
                throw new SQLException("the database system is starting up", "57P03");
            }
            return "written";
        });
        assertThat(result).isEqualTo("written");
        assertThat(calls).hasValue(4);
    }

    @Test
    void doesNotRetryARecordThatIsWrongInItself() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> redelivery.call(() -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("no title");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void stopsRetryingOnceTheServiceIsStopping() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> redelivery.call(() -> {
            if (calls.incrementAndGet() == 2) {
                redelivery.stop();
            }
            throw new SQLException("connection refused", "08001");
        })).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(calls).hasValue(2);
        assertThat(redelivery.stopping()).isTrue();
    }
}
