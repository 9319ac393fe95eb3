package org.evwatch.deploy;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.events.Topics;

/**
 * How long each paper took between the points of the pipeline that carry a clock: its record on papers.fetched (the
 * fetcher's send time), its record on papers.indexed (the indexer's, once it is searchable), its event on the live
 * stream and its webhook POST (when the subscriber received them). Every clock is this machine's.
 */
final class DeliveryLatencies {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Milliseconds, by PMID, at each point. */
    private final Map<Long, Long> fetched = new HashMap<>();
    private final Map<Long, Long> indexed = new HashMap<>();
    private final Map<Long, Long> streamed = new HashMap<>();
    private final Map<Long, Long> posted = new HashMap<>();

    /** Reads papers.fetched and papers.indexed from their start; the first time of each PMID at each point counts. */
    DeliveryLatencies(LocalStack stack, List<LiveSubscriber.Shown> shown, List<WebhookSink.Received> received) {
        TopicRecords.readAll(stack, Topics.PAPERS_FETCHED,
                r -> fetched.merge(Long.parseLong(r.key().replaceAll("\\D", "")), r.timestamp(), Math::min));
        TopicRecords.readAll(stack, Topics.PAPERS_INDEXED, r -> indexed.merge(pmidOf(r.value()), r.timestamp(),
                Math::min));
        shown.forEach(s -> streamed.merge(s.pmid(), s.atMillis(), Math::min));
        received.forEach(r -> posted.merge(r.pmid(), r.atMillis(), Math::min));
    }

    private static long pmidOf(byte[] indexedRecord) {
        try {
            return JSON.readTree(indexedRecord).path("paper").path("ids").path("pmid").asLong();
        } catch (IOException e) {
            return -1;
        }
    }

    /** p50, p99 and max of each leg, in ms, over the PMIDs seen at both of its ends. */
    Map<String, long[]> legs() {
        return legs(Long.MIN_VALUE);
    }

    /**
     * p50, p99 and max of each leg, in ms, over the PMIDs from {@code firstPmid} on seen at both of its ends: the
     * papers fed after a warm-up, which the JVMs' compilation does not delay.
     */
    Map<String, long[]> legs(long firstPmid) {
        Map<String, long[]> legs = new LinkedHashMap<>();
        legs.put("papers.fetched -> papers.indexed (searchable)", percentiles(fetched, indexed, firstPmid));
        legs.put("papers.indexed -> live stream event", percentiles(indexed, streamed, firstPmid));
        legs.put("papers.indexed -> webhook POST", percentiles(indexed, posted, firstPmid));
        legs.put("papers.fetched -> live stream event", percentiles(fetched, streamed, firstPmid));
        return legs;
    }

    static String format(Map<String, long[]> legs) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "  %-46s %8s %8s %8s %8s%n", "leg",
                "papers", "p50 ms", "p99 ms", "max ms"));
        legs.forEach((leg, p) -> out.append(String.format(Locale.ROOT, "  %-46s %8d %8d %8d %8d%n", leg, p[0], p[1],
                p[2], p[3])));
        return out.toString();
    }

    /** {papers, p50, p99, max} of {@code to - from}, over the PMIDs from {@code firstPmid} on. */
    private static long[] percentiles(Map<Long, Long> from, Map<Long, Long> to, long firstPmid) {
        long[] deltas = from.entrySet().stream().filter(e -> e.getKey() >= firstPmid && to.containsKey(e.getKey()))
                .mapToLong(e -> to.get(e.getKey()) - e.getValue()).sorted().toArray();
        if (deltas.length == 0) {
            return new long[4];
        }
        return new long[]{deltas.length, at(deltas, 0.50), at(deltas, 0.99), deltas[deltas.length - 1]};
    }

    private static long at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
