package org.evwatch.indexer.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * The facet values of one index segment, read once from doc values into plain arrays: for each document, the
 * ordinals of all its facet values (every facet field) in one run of an int array. Counting a match is then one short
 * loop over ints instead of a doc-values lookup per facet field, which is what makes exact facets over hundreds of
 * thousands of matches cheap.
 * <p>
 * Doc values belong to a segment's core, which never changes once written; deletions live elsewhere and are applied
 * by the collector. So one copy serves every reader that shares the segment, and is dropped when the core closes
 * (see {@link Cache}).
 */
final class SegmentFacets {

    /** Every document's ordinals are {@code ords[start[doc]] .. ords[start[doc + 1] - 1]}. */
    private final int[] start;
    private final int[] ords;
    /** The value of each ordinal; ordinals of field {@code f} are {@code fieldStart[f] .. fieldStart[f + 1] - 1}. */
    private final String[] values;
    private final int[] fieldStart;

    private SegmentFacets(int[] start, int[] ords, String[] values, int[] fieldStart) {
        this.start = start;
        this.ords = ords;
        this.values = values;
        this.fieldStart = fieldStart;
    }

    /** Reads the given facet fields of a segment: two passes over each field's doc values. */
    static SegmentFacets read(LeafReader reader, List<String> fields) throws IOException {
        int maxDoc = reader.maxDoc();
        int n = fields.size();
        int[] fieldStart = new int[n + 1];
        for (int f = 0; f < n; f++) {
            long count = DocValues.getSortedSet(reader, fields.get(f)).getValueCount();
            if (fieldStart[f] + count > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many facet values in one segment");
            }
            fieldStart[f + 1] = fieldStart[f] + (int) count;
        }
        // First pass: how many values each document has, turned into offsets.
        int[] start = new int[maxDoc + 1];
        for (String field : fields) {
            SortedSetDocValues dv = DocValues.getSortedSet(reader, field);
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                start[doc + 1] += dv.docValueCount();
            }
        }
        for (int d = 0; d < maxDoc; d++) {
            start[d + 1] += start[d];
        }
        // Second pass: the ordinals, shifted into one space shared by all fields.
        int[] ords = new int[start[maxDoc]];
        int[] fill = new int[maxDoc];
        System.arraycopy(start, 0, fill, 0, maxDoc);
        String[] values = new String[fieldStart[n]];
        for (int f = 0; f < n; f++) {
            SortedSetDocValues dv = DocValues.getSortedSet(reader, fields.get(f));
            int base = fieldStart[f];
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                for (int k = dv.docValueCount(); k > 0; k--) {
                    ords[fill[doc]++] = base + (int) dv.nextOrd();
                }
            }
            TermsEnum terms = dv.termsEnum();
            int ord = base;
            for (BytesRef term = terms.next(); term != null; term = terms.next()) {
                values[ord++] = term.utf8ToString();
            }
        }
        return new SegmentFacets(start, ords, values, fieldStart);
    }

    /** A zeroed counter for this segment's ordinals. */
    int[] newCounts() {
        return new int[values.length];
    }

    /** Counts one document's values. */
    void count(int doc, int[] counts) {
        for (int i = start[doc], end = start[doc + 1]; i < end; i++) {
            counts[ords[i]]++;
        }
    }

    /** Adds the non-zero counts of field {@code f} to {@code into}, by value. */
    void addTo(int f, int[] counts, Map<String, Long> into) {
        for (int ord = fieldStart[f]; ord < fieldStart[f + 1]; ord++) {
            if (counts[ord] > 0) {
                into.merge(values[ord], (long) counts[ord], Long::sum);
            }
        }
    }

    /** Approximate heap taken, for logging. */
    long bytes() {
        long strings = 0;
        for (String v : values) {
            strings += 48 + 2L * v.length();
        }
        return 4L * (start.length + ords.length + fieldStart.length) + 8L * values.length + strings;
    }

    /**
     * The facet arrays of the segments of the open readers, keyed by segment core and dropped when the core closes.
     * Reading is done at most once per segment: when a new searcher is opened (see {@link #warm}), or otherwise by
     * the first search that needs it.
     */
    static final class Cache {
        private final List<String> fields;
        private final Map<IndexReader.CacheKey, SegmentFacets> bySegment = new ConcurrentHashMap<>();

        Cache(List<String> fields) {
            this.fields = List.copyOf(fields);
        }

        List<String> fields() {
            return fields;
        }

        SegmentFacets of(LeafReader reader) throws IOException {
            IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
            if (helper == null) {
                return read(reader, fields);
            }
            IndexReader.CacheKey key = helper.getKey();
            SegmentFacets cached = bySegment.get(key);
            if (cached != null) {
                return cached;
            }
            SegmentFacets read = read(reader, fields);
            if (bySegment.putIfAbsent(key, read) == null) {
                helper.addClosedListener(bySegment::remove);
                return read;
            }
            return bySegment.get(key);
        }

        /** Reads every segment of a new reader not read yet, so that searches never pay for it. */
        void warm(IndexReader reader) throws IOException {
            for (LeafReaderContext leaf : reader.leaves()) {
                of(leaf.reader());
            }
        }

        int segments() {
            return bySegment.size();
        }
    }
}
