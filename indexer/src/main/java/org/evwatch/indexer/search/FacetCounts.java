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
 * facet values are counted per segment (see {@link SegmentFacets}); each segment's counts are then added into one
 * array numbered across the reader (see {@link ReaderFacets}). No sampling and no top-k approximation: a count
 * always equals the number of matching papers with that value. Slices of the index are counted in parallel when the
 * searcher has an executor, then summed. For a timeline it also counts the matches per month of publication, one
 * array look-up per match, and keeps each segment's matches as a bit set for the timeline's entity counts.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {

    /**
     * The number of matches, the count of every facet value by global value number, and for a timeline the matches
     * per month from {@link ReaderFacets#minMonth()} on and the matching documents of each segment by leaf position
     * (null without a timeline, and for a segment without matches).
     */
    record Result(long total, long[] counts, long[] months, FixedBitSet[] matched) {
    }

    private final SegmentFacets.Cache cache;
    private final ReaderFacets reader;
    /** Index into {@code cache.fields()} of each requested field. */
    private final int[] requested;
    private final boolean timeline;
    /** The number of months counted: 0 without a timeline or a dated paper. */
    private final int monthSpan;

    FacetCounts(SegmentFacets.Cache cache, ReaderFacets reader, List<String> fields, boolean timeline) {
        this.cache = cache;
        this.reader = reader;
        this.timeline = timeline;
        this.monthSpan = timeline && reader.maxMonth() >= 0 ? reader.maxMonth() - reader.minMonth() + 1 : 0;
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
        long[] counts = reader.newCounts();
        long[] months = new long[monthSpan];
        FixedBitSet[] matched = new FixedBitSet[reader.leafCount()];
        for (Counter c : collectors) {
            c.matched.forEach((leaf, docs) -> matched[leaf] = docs);
            total += c.total;
            long[] part = c.counts;
            for (int g = 0; g < counts.length; g++) {
                counts[g] += part[g];
            }
            for (int m = 0; m < monthSpan; m++) {
                months[m] += c.months[m];
            }
        }
        return new Result(total, counts, timeline ? months : null, timeline ? matched : null);
    }

    final class Counter implements Collector {
        private final long[] counts = reader.newCounts();
        private final int[] months = new int[monthSpan];
        private final Map<Integer, FixedBitSet> matched = new HashMap<>();
        private long total;

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SegmentFacets facets = cache.of(context.reader());
            int[] toGlobal = reader.toGlobal(context.ord);
            int[] ordCounts = facets.newCounts();
            FixedBitSet matches = facets.newMatches(timeline);
            if (timeline) {
                matched.put(context.ord, matches);
            }
            return new SegmentCounter(facets, ordCounts, matches, toGlobal);
        }

        /** Counts the matches of one segment: their facet values, and their months when asked. */
        private final class SegmentCounter implements LeafCollector {
            private final SegmentFacets facets;
            private final int[] ordCounts;
            private final FixedBitSet matches;
            private final int[] toGlobal;
            private final int first = reader.minMonth();
            private int matched;

            SegmentCounter(SegmentFacets facets, int[] ordCounts, FixedBitSet matches, int[] toGlobal) {
                this.facets = facets;
                this.ordCounts = ordCounts;
                this.matches = matches;
                this.toGlobal = toGlobal;
            }

            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) {
                matched++;
                facets.count(doc, ordCounts, matches);
                if (monthSpan > 0) {
                    int month = facets.month(doc);
                    if (month >= 0) {
                        months[month - first]++;
                    }
                }
            }

            @Override
            public void finish() {
                total += matched;
                for (int f : requested) {
                    facets.addTo(f, ordCounts, matches, toGlobal, counts);
                }
            }
        }
    }
}
