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
 * The entity facet's values are {@code id<US>type<US>name} ({@code id<US>name} in indexes of the first layout): they
 * are grouped by id, each id shows the name most matching papers give it, and keeps the type it was first seen with.
 */
final class ReaderFacets {

    static final int FACET_LIMIT = 20;
    static final int YEAR_FACET_LIMIT = 200;

    private final List<String> fields;
    /** Per segment (by leaf position in the reader): its ordinal to the global value number. */
    private final int[][] toGlobal;
    /** Per field, its groups (an entity id, or one value): the global values of the field map to one of them. */
    private final int[] groupOf;
    private final String[][] groups;
    /** Per global value, what it shows, and the global values of each field. */
    private final String[] labelOf;
    private final int[][] valuesOf;
    /** Per field, the type of each group: an entity's type, null when unknown and for other fields. */
    private final String[][] typeOf;
    /** The earliest and latest month of publication in the reader, -1 when no paper has a date. */
    private final int minMonth;
    private final int maxMonth;

    private ReaderFacets(Numbering numbering, int[][] toGlobal, int minMonth, int maxMonth) {
        this.fields = numbering.fields;
        this.toGlobal = toGlobal;
        this.groupOf = numbering.groupIds.stream().mapToInt(Integer::intValue).toArray();
        int n = fields.size();
        this.groups = new String[n][];
        this.typeOf = new String[n][];
        this.valuesOf = new int[n][];
        for (int f = 0; f < n; f++) {
            Map<String, Integer> byKey = numbering.groupByKey.get(f);
            String[] keys = new String[byKey.size()];
            byKey.forEach((key, i) -> keys[i] = key);
            groups[f] = keys;
            String[] types = new String[keys.length];
            numbering.groupTypes.get(f).forEach((i, type) -> types[i] = type);
            typeOf[f] = types;
            valuesOf[f] = numbering.values.get(f).stream().mapToInt(Integer::intValue).toArray();
        }
        this.labelOf = numbering.labels.toArray(String[]::new);
        this.minMonth = minMonth;
        this.maxMonth = maxMonth;
    }

    /** The values of all segments as they are numbered, while the reader is read. */
    private static final class Numbering {
        final List<String> fields;
        final List<Map<String, Integer>> globalByValue = new ArrayList<>();
        final List<Map<String, Integer>> groupByKey = new ArrayList<>();
        final List<Map<Integer, String>> groupTypes = new ArrayList<>();
        final List<List<Integer>> values = new ArrayList<>();
        final List<String> labels = new ArrayList<>();
        final List<Integer> groupIds = new ArrayList<>();

        Numbering(List<String> fields) {
            this.fields = fields;
            for (int f = 0; f < fields.size(); f++) {
                globalByValue.add(new HashMap<>());
                groupByKey.add(new HashMap<>());
                groupTypes.add(new HashMap<>());
                values.add(new ArrayList<>());
            }
        }

        /** The global number of a value of field {@code f}, numbering it when it is new. */
        int number(int f, String value) {
            Integer g = globalByValue.get(f).get(value);
            if (g != null) {
                return g;
            }
            g = labels.size();
            globalByValue.get(f).put(value, g);
            String[] parts = fields.get(f).equals(PaperFields.FACET_ENTITY)
                    ? value.split(String.valueOf(PaperFields.ENTITY_FACET_SEPARATOR), -1)
                    : new String[]{value};
            String key = parts[0];
            String name = parts[parts.length - 1];
            labels.add(name.isEmpty() ? key : name);
            Map<String, Integer> byKey = groupByKey.get(f);
            int group = byKey.computeIfAbsent(key, k -> byKey.size());
            groupIds.add(group);
            if (parts.length == 3 && !parts[1].isEmpty()) {
                groupTypes.get(f).putIfAbsent(group, parts[1]);
            }
            values.get(f).add(g);
            return g;
        }
    }

    static ReaderFacets build(IndexReader reader, SegmentFacets.Cache cache) throws IOException {
        Numbering numbering = new Numbering(cache.fields());
        int n = numbering.fields.size();
        List<LeafReaderContext> leaves = reader.leaves();
        int[][] toGlobal = new int[leaves.size()][];
        int minMonth = Integer.MAX_VALUE;
        int maxMonth = -1;
        for (LeafReaderContext leaf : leaves) {
            SegmentFacets segment = cache.of(leaf.reader());
            int[] map = new int[segment.valueCount()];
            for (int f = 0; f < n; f++) {
                for (int ord = segment.fieldStart(f); ord < segment.fieldStart(f + 1); ord++) {
                    map[ord] = numbering.number(f, segment.value(ord));
                }
            }
            toGlobal[leaf.ord] = map;
            if (segment.maxMonth() >= 0) {
                minMonth = Math.min(minMonth, segment.minMonth());
                maxMonth = Math.max(maxMonth, segment.maxMonth());
            }
        }
        return new ReaderFacets(numbering, toGlobal, maxMonth < 0 ? -1 : minMonth, maxMonth);
    }

    List<String> fields() {
        return fields;
    }

    /** A zeroed counter for every value of every field. */
    long[] newCounts() {
        return new long[labelOf.length];
    }

    /** The number of segments of the reader. */
    int leafCount() {
        return toGlobal.length;
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
        Ranked ranked = rank(f, counts, limit, null);
        SearchResult.FacetValue[] out = new SearchResult.FacetValue[ranked.groups().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new SearchResult.FacetValue(ranked.key(i), ranked.label(i), ranked.count(i));
        }
        return List.of(out);
    }

    /**
     * The best groups of field {@code f} by count (ties: by key), at most {@code limit}, of the given type only
     * unless {@code type} is null; groups with no match are left out.
     */
    Ranked rank(int f, long[] counts, int limit, String type) {
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
            if (sums[k] == 0 || (type != null && !type.equals(typeOf[f][k]))) {
                continue;
            }
            best.add(k);
            if (best.size() > limit) {
                best.poll();
            }
        }
        int[] top = new int[best.size()];
        for (int i = top.length - 1; i >= 0; i--) {
            top[i] = best.poll();
        }
        return new Ranked(f, top, sums, shown);
    }

    /** Groups of one field in rank order, with the sums and shown labels they were ranked by. */
    final class Ranked {
        private final int field;
        private final int[] groups;
        private final long[] sums;
        private final int[] shown;

        private Ranked(int field, int[] groups, long[] sums, int[] shown) {
            this.field = field;
            this.groups = groups;
            this.sums = sums;
            this.shown = shown;
        }

        int[] groups() {
            return groups;
        }

        String key(int i) {
            return ReaderFacets.this.groups[field][groups[i]];
        }

        String label(int i) {
            return labelOf[shown[groups[i]]];
        }

        long count(int i) {
            return sums[groups[i]];
        }
    }

    /** The number of groups of field {@code f}. */
    int groupCount(int f) {
        return groups[f].length;
    }

    /** The group of a global value. */
    int groupOf(int global) {
        return groupOf[global];
    }

    /** The earliest month of publication in the reader ({@code year * 12 + month - 1}); -1 when none is dated. */
    int minMonth() {
        return minMonth;
    }

    int maxMonth() {
        return maxMonth;
    }
}
