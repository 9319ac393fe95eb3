package org.evwatch.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;

class RedeliveryTest {

    private final PipelineMetrics metrics = PipelineMetrics.detached();
    private final Redelivery redelivery = new Redelivery(metrics);

    @Test
    void retriesATransientFailureUntilTheDependencyIsBack() {
        AtomicInteger calls = new AtomicInteger();
        String result = redelivery.call("papers.extracted", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new SQLException("the database system is starting up", "57P03");
            }
            return "written";
        });
        assertThat(result).isEqualTo("written");
        assertThat(calls).hasValue(4);
        assertThat(retries()).as("each retry counted for the topic").isEqualTo(3);
    }

    @Test
    void doesNotRetryARecordThatIsWrongInItself() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> redelivery.call("papers.extracted", () -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("no title");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
        assertThat(retries()).isZero();
    }

    @Test
    void stopsRetryingOnceTheServiceIsStopping() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> redelivery.call("papers.extracted", () -> {
            if (calls.incrementAndGet() == 2) {
                redelivery.stop();
            }
            throw new SQLException("connection refused", "08001");
        })).isInstanceOf(IllegalStateException.class).hasCauseInstanceOf(SQLException.class);
        assertThat(calls).hasValue(2);
        assertThat(redelivery.stopping()).isTrue();
    }

    private double retries() {
        return metrics.registry().get(PipelineMetric.RECORDS_RETRIED.meterName()).tag("topic", "papers.extracted")
                .counter().count();
    }
}
