package org.evwatch.events.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.evwatch.events.Topics;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;

class PipelineMetricsTest {

    private final PipelineMetrics metrics = PipelineMetrics.detached();
    private final MeterRegistry registry = metrics.registry();

    @Test
    void recordCountersAreBoundForEveryTopicAtStartAndCountPerTopic() {
        String in = PipelineMetric.RECORDS_IN.meterName();
        assertThat(registry.find(in).counters()).hasSize((int) Topics.ALL.stream().filter(t -> !t.deadLetter())
                .count());
        metrics.recordsIn(Topics.PAPERS_FETCHED, 3);
        metrics.recordsIn(Topics.PAPERS_FETCHED, 2);
        metrics.deadLettered(Topics.PAPERS_EXTRACTED);
        assertThat(registry.get(in).tag("topic", Topics.PAPERS_FETCHED).counter().count()).isEqualTo(5);
        assertThat(registry.get(in).tag("topic", Topics.PAPERS_EXTRACTED).counter().count()).isZero();
        assertThat(registry.get(PipelineMetric.RECORDS_DEAD_LETTERED.meterName())
                .tag("topic", Topics.PAPERS_EXTRACTED).counter().count()).isEqualTo(1);
    }

    @Test
    void aTopicOutsideTheContractIsCountedToo() {
        metrics.recordOut("papers.elsewhere");
        assertThat(registry.get(PipelineMetric.RECORDS_OUT.meterName()).tag("topic", "papers.elsewhere").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void aMeterMustBeRegisteredWithItsKindAndEveryTag() {
        assertThatThrownBy(() -> metrics.counter(PipelineMetric.FETCHES, "pubmed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[source, outcome]");
        assertThatThrownBy(() -> metrics.timer(PipelineMetric.FETCHES, "pubmed", "ok"))
                .isInstanceOf(IllegalArgumentException.class);
        metrics.counter(PipelineMetric.FETCHES, "pubmed", "ok").increment();
        assertThat(registry.get("evwatch.fetches").tags("source", "pubmed", "outcome", "ok").counter().count())
                .isEqualTo(1);
    }

    @Test
    void timersHaveHistogramBucketsForQuantiles() {
        metrics.timer(PipelineMetric.EXTRACTION, "ok").record(java.time.Duration.ofMillis(7));
        var snapshot = registry.get(PipelineMetric.EXTRACTION.meterName()).timer().takeSnapshot();
        assertThat(snapshot.histogramCounts()).isNotEmpty();
    }
}
