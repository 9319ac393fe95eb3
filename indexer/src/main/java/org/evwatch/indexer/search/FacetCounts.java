package org.evwatch.indexer.search;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

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
 * searcher has an executor, then summed.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {

    /** The number of matches, and the count of every facet value, by global value number. */
    record Result(long total, long[] counts) {
    }

    private final SegmentFacets.Cache cache;
    private final ReaderFacets reader;
    /** Index into {@code cache.fields()} of each requested field. */
    private final int[] requested;

    FacetCounts(SegmentFacets.Cache cache, ReaderFacets reader, List<String> fields) {
        this.cache = cache;
        this.reader = reader;
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
        for (Counter c : collectors) {
            total += c.total;
            long[] part = c.counts;
            for (int g = 0; g < counts.length; g++) {
                counts[g] += part[g];
            }
        }
        return new Result(total, counts);
    }

    final class Counter implements Collector {
        private final long[] counts = reader.newCounts();
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
                        facets.addTo(f, ordCounts, matches, toGlobal, counts);
                    }
                }
            };
        }
    }
}
