package org.evwatch.events.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.evwatch.events.Topics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The meters of {@link PipelineMetric}, registered in the service's registry (the one {@code /q/metrics} serves).
 * The per-topic record counters are bound once, at start, for every topic of {@link Topics#ALL}: counting a record
 * on the hot path is a map lookup and an add, nothing allocated.
 */
@ApplicationScoped
public class PipelineMetrics {

    /** The record counters of one topic. */
    private record TopicCounters(Counter in, Counter out, Counter failed, Counter retried, Counter deadLettered) {
    }

    /** The buckets of every timer: from a few milliseconds (a search, a small paper) to many seconds. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Map<String, TopicCounters> topics = new HashMap<>();

    @Inject
    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Topics.Spec topic : Topics.ALL) {
            if (!topic.deadLetter()) {
                topics.put(topic.name(), bind(topic.name()));
            }
        }
    }

    /** Meters kept in memory only: for code and tests outside a service. */
    public static PipelineMetrics detached() {
        return new PipelineMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** {@code count} records taken from {@code topic}. */
    public void recordsIn(String topic, int count) {
        of(topic).in().increment(count);
    }

    /** One record sent to {@code topic}. */
    public void recordOut(String topic) {
        of(topic).out().increment();
    }

    /** One record of {@code topic} failed. */
    public void failed(String topic) {
        of(topic).failed().increment();
    }

    /** One retry of a record or batch of {@code topic} after a transient failure. */
    public void retried(String topic) {
        of(topic).retried().increment();
    }

    /** One record of {@code topic} parked on its dead-letter topic. */
    public void deadLettered(String topic) {
        of(topic).deadLettered().increment();
    }

    /** The counter of {@code metric} with these tag values (in {@link PipelineMetric#tags()} order); bind it once. */
    public Counter counter(PipelineMetric metric, String... tagValues) {
        return Counter.builder(metric.meterName()).description(metric.description())
                .tags(tags(metric, PipelineMetric.Kind.COUNTER, tagValues)).register(registry);
    }

    /** The timer of {@code metric} with these tag values, with histogram buckets for quantiles; bind it once. */
    public Timer timer(PipelineMetric metric, String... tagValues) {
        return Timer.builder(metric.meterName()).description(metric.description())
                .tags(tags(metric, PipelineMetric.Kind.TIMER, tagValues)).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /** A gauge of {@code metric} that reads {@code value} of {@code state} at each scrape. */
    public <T> void gauge(PipelineMetric metric, T state, ToDoubleFunction<T> value, String... tagValues) {
        Gauge.builder(metric.meterName(), state, value).description(metric.description())
                .tags(tags(metric, PipelineMetric.Kind.GAUGE, tagValues)).strongReference(true).register(registry);
    }

    private TopicCounters of(String topic) {
        TopicCounters counters = topics.get(topic);
        return counters != null ? counters : bind(topic);
    }

    private TopicCounters bind(String topic) {
        return new TopicCounters(counter(PipelineMetric.RECORDS_IN, topic), counter(PipelineMetric.RECORDS_OUT, topic),
                counter(PipelineMetric.RECORDS_FAILED, topic), counter(PipelineMetric.RECORDS_RETRIED, topic),
                counter(PipelineMetric.RECORDS_DEAD_LETTERED, topic));
    }

    private static Tags tags(PipelineMetric metric, PipelineMetric.Kind kind, String... values) {
        if (metric.kind() != kind || values.length != metric.tags().size()) {
            throw new IllegalArgumentException(metric + " is a " + metric.kind() + " tagged " + metric.tags());
        }
        Tags tags = Tags.empty();
        for (int i = 0; i < values.length; i++) {
            tags = tags.and(metric.tags().get(i), values[i]);
        }
        return tags;
    }
}
