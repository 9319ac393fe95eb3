package org.evwatch.indexer.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Exact facet counts: every matching document's sorted-set doc values are counted, per segment by ordinal (cheap),
 * and the ordinals are turned into values once per segment. No sampling and no top-k approximation, so a count
 * always equals the number of matching papers with that value. Slices of the index are counted in parallel when
 * the searcher has an executor, then summed.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {

    private final List<String> fields;

    FacetCounts(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    @Override
    public Counter newCollector() {
        return new Counter(fields);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) {
        Map<String, Map<String, Long>> total = new HashMap<>();
        for (String field : fields) {
            total.put(field, new HashMap<>());
        }
        for (Counter c : collectors) {
            c.counts.forEach((field, values) -> values.forEach(
                    (value, count) -> total.get(field).merge(value, count, Long::sum)));
        }
        return total;
    }

    static final class Counter implements Collector {
        private final List<String> fields;
        private final Map<String, Map<String, Long>> counts = new HashMap<>();

        Counter(List<String> fields) {
            this.fields = fields;
            fields.forEach(f -> counts.put(f, new HashMap<>()));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            int n = fields.size();
            SortedSetDocValues[] values = new SortedSetDocValues[n];
            int[][] ordCounts = new int[n][];
            for (int i = 0; i < n; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
                ordCounts[i] = new int[(int) Math.min(Integer.MAX_VALUE - 8, values[i].getValueCount())];
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    for (int i = 0; i < n; i++) {
                        SortedSetDocValues dv = values[i];
                        if (dv.advanceExact(doc)) {
                            int[] c = ordCounts[i];
                            for (int k = dv.docValueCount(); k > 0; k--) {
                                c[(int) dv.nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < n; i++) {
                        Map<String, Long> byValue = counts.get(fields.get(i));
                        int[] c = ordCounts[i];
                        for (int ord = 0; ord < c.length; ord++) {
                            if (c[ord] > 0) {
                                byValue.merge(values[i].lookupOrd(ord).utf8ToString(), (long) c[ord], Long::sum);
                            }
                        }
                    }
                }
            };
        }
    }
}
