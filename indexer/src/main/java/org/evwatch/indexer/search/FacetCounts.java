package org.evwatch.indexer.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;

/**
 * Exact match count and exact facet counts in one pass over the matches, without scoring. Every matching document's
 * facet values are counted, per segment by ordinal from {@link SegmentFacets}, and ordinals become values once per
 * segment. No sampling and no top-k approximation: a count always equals the number of matching papers with that
 * value. Slices of the index are counted in parallel when the searcher has an executor, then summed.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {

    /** The number of matches, and for each requested facet field its values with their counts. */
    record Result(long total, Map<String, Map<String, Long>> byField) {
    }

    private final SegmentFacets.Cache cache;
    /** Index into {@code cache.fields()} of each requested field. */
    private final int[] requested;

    FacetCounts(SegmentFacets.Cache cache, List<String> fields) {
        this.cache = cache;
        this.requested = fields.stream().mapToInt(f -> {
            int i = cache.fields().indexOf(f);
            if (i < 0) {
                throw new IllegalArgumentException("not a facet field: " + f);
            }
            return i;
        }).toArray();
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Result reduce(Collection<Counter> collectors) {
        long total = 0;
        Map<String, Map<String, Long>> byField = new HashMap<>();
        for (int f : requested) {
            byField.put(cache.fields().get(f), new HashMap<>());
        }
        for (Counter c : collectors) {
            total += c.total;
            c.counts.forEach((field, values) -> {
                Map<String, Long> into = byField.get(field);
                values.forEach((value, count) -> into.merge(value, count, Long::sum));
            });
        }
        return new Result(total, byField);
    }

    final class Counter implements Collector {
        private final Map<String, Map<String, Long>> counts = new HashMap<>();
        private long total;

        Counter() {
            for (int f : requested) {
                counts.put(cache.fields().get(f), new HashMap<>());
            }
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            if (requested.length == 0) {
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {
                    }

                    @Override
                    public void collect(int doc) {
                        total++;
                    }
                };
            }
            SegmentFacets facets = cache.of(context.reader());
            int[] ordCounts = facets.newCounts();
            FixedBitSet matches = facets.newMatches();
            return new LeafCollector() {
                private int matched;

                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) {
                    matched++;
                    facets.count(doc, ordCounts, matches);
                }

                @Override
                public void finish() {
                    total += matched;
                    for (int f : requested) {
                        facets.addTo(f, ordCounts, matches, counts.get(cache.fields().get(f)));
                    }
                }
            };
        }
    }
}
