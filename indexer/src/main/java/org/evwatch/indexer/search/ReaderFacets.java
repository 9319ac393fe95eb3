package org.evwatch.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.evwatch.query.PaperFields;

/**
 * One numbering of the facet values of all the segments of a reader, so that the counts of every segment add up in
 * one array and the top values are chosen without hashing a value per segment and per search. Built once per
 * reader (when a searcher is opened), from the values the segments' {@link SegmentFacets} already hold.
 * <p>
 * The entity facet's values are {@code id<US>name}: they are grouped by id, and each id shows the name most matching
 * papers give it.
 */
final class ReaderFacets {

    private static final int FACET_LIMIT = 20;
    private static final int YEAR_FACET_LIMIT = 200;

    private final List<String> fields;
    /** Per segment (by leaf position in the reader): its ordinal to the global value number. */
    private final int[][] toGlobal;
    /** Per field, its groups (an entity id, or one value): the global values of the field map to one of them. */
    private final int[] groupOf;
    private final String[][] groups;
    /** Per global value, what it shows, and the global values of each field. */
    private final String[] labelOf;
    private final int[][] valuesOf;

    private ReaderFacets(List<String> fields, int[][] toGlobal, int[] groupOf, String[][] groups, String[] labelOf,
            int[][] valuesOf) {
        this.fields = fields;
        this.toGlobal = toGlobal;
        this.groupOf = groupOf;
        this.groups = groups;
        this.labelOf = labelOf;
        this.valuesOf = valuesOf;
    }

    static ReaderFacets build(IndexReader reader, SegmentFacets.Cache cache) throws IOException {
        List<String> fields = cache.fields();
        int n = fields.size();
        List<LeafReaderContext> leaves = reader.leaves();
        List<Map<String, Integer>> globalByValue = new ArrayList<>(n);
        List<Map<String, Integer>> groupByKey = new ArrayList<>(n);
        List<List<Integer>> values = new ArrayList<>(n);
        for (int f = 0; f < n; f++) {
            globalByValue.add(new HashMap<>());
            groupByKey.add(new HashMap<>());
            values.add(new ArrayList<>());
        }
        List<String> labels = new ArrayList<>();
        List<Integer> groupIds = new ArrayList<>();
        int[][] toGlobal = new int[leaves.size()][];
        for (LeafReaderContext leaf : leaves) {
            SegmentFacets segment = cache.of(leaf.reader());
            int[] map = new int[segment.valueCount()];
            for (int f = 0; f < n; f++) {
                boolean entity = fields.get(f).equals(PaperFields.FACET_ENTITY);
                for (int ord = segment.fieldStart(f); ord < segment.fieldStart(f + 1); ord++) {
                    String value = segment.value(ord);
                    Integer g = globalByValue.get(f).get(value);
                    if (g == null) {
                        g = labels.size();
                        globalByValue.get(f).put(value, g);
                        int sep = entity ? value.indexOf(PaperFields.ENTITY_FACET_SEPARATOR) : -1;
                        String key = sep < 0 ? value : value.substring(0, sep);
                        labels.add(sep < 0 ? value : value.substring(sep + 1));
                        Map<String, Integer> byKey = groupByKey.get(f);
                        groupIds.add(byKey.computeIfAbsent(key, k -> byKey.size()));
                        values.get(f).add(g);
                    }
                    map[ord] = g;
                }
            }
            toGlobal[leaf.ord] = map;
        }
        String[][] groups = new String[n][];
        int[][] valuesOf = new int[n][];
        for (int f = 0; f < n; f++) {
            groups[f] = new String[groupByKey.get(f).size()];
            String[] g = groups[f];
            groupByKey.get(f).forEach((key, i) -> g[i] = key);
            valuesOf[f] = values.get(f).stream().mapToInt(Integer::intValue).toArray();
        }
        return new ReaderFacets(fields, toGlobal, groupIds.stream().mapToInt(Integer::intValue).toArray(), groups,
                labels.toArray(String[]::new), valuesOf);
    }

    List<String> fields() {
        return fields;
    }

    /** A zeroed counter for every value of every field. */
    long[] newCounts() {
        return new long[labelOf.length];
    }

    /** The global value number of each ordinal of the segment at {@code leafOrd} in the reader. */
    int[] toGlobal(int leafOrd) {
        return toGlobal[leafOrd];
    }

    /** The top values of each facet named (see {@link PaperFields#FACETS}), in the order of the names. */
    Map<String, List<SearchResult.FacetValue>> top(List<String> names, long[] counts) {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (String name : names) {
            int f = fields.indexOf(PaperFields.FACETS.get(name));
            out.put(name, top(f, counts, name.equals("year") ? YEAR_FACET_LIMIT : FACET_LIMIT));
        }
        return out;
    }

    /**
     * The {@code limit} values of field {@code f} with the highest counts (ties: by value), with their counts; values
     * with no match are left out.
     */
    List<SearchResult.FacetValue> top(int f, long[] counts, int limit) {
        String[] keys = groups[f];
        long[] sums = new long[keys.length];
        int[] shown = new int[keys.length];
        Arrays.fill(shown, -1);
        for (int g : valuesOf[f]) {
            long c = counts[g];
            if (c == 0) {
                continue;
            }
            int k = groupOf[g];
            sums[k] += c;
            int best = shown[k];
            // A group with several labels (an entity id with several names) shows the one most papers give it.
            if (best < 0 || c > counts[best] || (c == counts[best] && labelOf[g].compareTo(labelOf[best]) < 0)) {
                shown[k] = g;
            }
        }
        // The worst of the best so far at the head; a group enters only when it beats that one.
        PriorityQueue<Integer> best = new PriorityQueue<>(limit + 1,
                (a, b) -> sums[a] != sums[b] ? Long.compare(sums[a], sums[b]) : keys[b].compareTo(keys[a]));
        for (int k = 0; k < keys.length; k++) {
            if (sums[k] == 0) {
                continue;
            }
            best.add(k);
            if (best.size() > limit) {
                best.poll();
            }
        }
        SearchResult.FacetValue[] out = new SearchResult.FacetValue[best.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            int k = best.poll();
            out[i] = new SearchResult.FacetValue(keys[k], labelOf[shown[k]], sums[k]);
        }
        return List.of(out);
    }
}
