package org.evwatch.events.metrics;

import java.util.List;

/**
 * Every metric an EVwatch service serves at {@code /q/metrics} beyond the JVM's and the Kafka clients' own: its name,
 * kind, meaning and tags. Services register their meters from these constants only (through
 * {@link PipelineMetrics}), and the Grafana dashboard and the alert rules are checked against them, so a name is
 * written once. Prometheus sees each name with dots as underscores, a counter with {@code _total} appended and a timer
 * as {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max} and {@code _seconds_bucket}.
 */
public enum PipelineMetric {

    CONSUMER_LAG("evwatch.consumer.lag", Kind.GAUGE,
            "Records of a partition the consumer group has not committed yet: the partition's end offset less the "
                    + "group's committed offset.",
            "group", "topic", "partition"), RECORDS_IN("evwatch.records.in", Kind.COUNTER,
                    "Records a consumer took from the topic.", "topic"), RECORDS_OUT("evwatch.records.out",
                            Kind.COUNTER, "Records a service sent to the topic.",
                            "topic"), RECORDS_FAILED("evwatch.records.failed", Kind.COUNTER,
                                    "Records of the topic whose processing failed, whatever became of them (taken again or dead-lettered).",
                                    "topic"), RECORDS_RETRIED("evwatch.records.retried", Kind.COUNTER,
                                            "Retries after a transient failure (a dependency down): a batch retried with backoff, or a record whose "
                                                    + "partition was rewound to take it again.",
                                            "topic"), RECORDS_DEAD_LETTERED("evwatch.records.dead.lettered",
                                                    Kind.COUNTER,
                                                    "Records of the topic parked on the consumer's dead-letter topic because they failed on their own "
                                                            + "content.",
                                                    "topic"), FETCHES("evwatch.fetches", Kind.COUNTER,
                                                            "Fetches by source and outcome: a window of a public source (ok, failed), an inbox file (ok, rejected, "
                                                                    + "failed).",
                                                            "source", "outcome"), FETCHED_RECORDS(
                                                                    "evwatch.fetched.records", Kind.COUNTER,
                                                                    "Records the fetcher sent to papers.fetched and Kafka acknowledged, by source.",
                                                                    "source"), EXTRACTION("evwatch.extraction",
                                                                            Kind.TIMER,
                                                                            "Time to extract one paper from its fetched record, by outcome.",
                                                                            "outcome"), SEARCH("evwatch.search",
                                                                                    Kind.TIMER,
                                                                                    "Time the indexer took to answer one search, by outcome.",
                                                                                    "outcome"), INDEXER_CALLS(
                                                                                            "evwatch.indexer.calls",
                                                                                            Kind.TIMER,
                                                                                            "Time of the gateway's calls to the indexer's search, as the gateway saw it, by outcome.",
                                                                                            "operation",
                                                                                            "outcome"), DELIVERIES(
                                                                                                    "evwatch.deliveries",
                                                                                                    Kind.COUNTER,
                                                                                                    "Papers delivered to subscribers by channel (sse, webhook, email) and outcome (sent, failed, retry).",
                                                                                                    "channel",
                                                                                                    "outcome"), OUTBOX_BACKLOG(
                                                                                                            "evwatch.outbox.backlog",
                                                                                                            Kind.GAUGE,
                                                                                                            "Rows of an outbox not yet published or delivered: papers.indexed (indexer), webhook and email "
                                                                                                                    + "(gateway).",
                                                                                                            "outbox");

    /** How a metric is kept. */
    public enum Kind {
        COUNTER, GAUGE, TIMER
    }

    private final String meterName;
    private final Kind kind;
    private final String description;
    private final List<String> tags;

    PipelineMetric(String meterName, Kind kind, String description, String... tags) {
        this.meterName = meterName;
        this.kind = kind;
        this.description = description;
        this.tags = List.of(tags);
    }

    /** The name as registered with Micrometer (dotted). */
    public String meterName() {
        return meterName;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** The tag keys, in the order {@link PipelineMetrics} takes their values. */
    public List<String> tags() {
        return tags;
    }

    /** The base name Prometheus shows: dots as underscores, {@code _total} for a counter, {@code _seconds} for a timer. */
    public String prometheusName() {
        String base = meterName.replace('.', '_');
        return switch (kind) {
            case COUNTER -> base + "_total";
            case TIMER -> base + "_seconds";
            case GAUGE -> base;
        };
    }

    /** Every series name Prometheus shows for this metric. */
    public List<String> prometheusSeries() {
        String name = prometheusName();
        return kind == Kind.TIMER
                ? List.of(name + "_count", name + "_sum", name + "_max", name + "_bucket")
                : List.of(name);
    }
}
