package org.evwatch.indexer.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.evwatch.query.PaperDocuments;
import org.evwatch.query.PaperFields;

/**
 * The facet values of one index segment, read once from doc values into plain arrays, so that exact facets over
 * hundreds of thousands of matches stay cheap:
 * <ul>
 * <li>a field with many values (entities, journals) keeps, for each document, the ordinals of its values in one run
 * of an int array; counting a match is a short loop over ints instead of a doc-values lookup per field;</li>
 * <li>a field with few values (year, source, relevance, entity type, publication type) keeps one bit set of
 * documents per value; its counts are the sizes of the intersections of the matches with each of them, a few
 * microseconds per value, with no work per match.</li>
 * </ul>
 * It also keeps each document's month of publication (from the published day's doc values), for the timeline.
 * <p>
 * Doc values belong to a segment's core, which never changes once written; deletions live elsewhere and are applied
 * by the collector. So one copy serves every reader that shares the segment, and is dropped when the core closes
 * (see {@link Cache}).
 */
final class SegmentFacets {

    /** Fields with at most this many values in a segment are counted by bit set intersection. */
    static final int FEW_VALUES = 64;

    /** Every document's ordinals of many-valued fields are {@code ords[start[doc]] .. ords[start[doc + 1] - 1]}. */
    private final int[] start;
    private final int[] ords;
    /** The value of each ordinal; ordinals of field {@code f} are {@code fieldStart[f] .. fieldStart[f + 1] - 1}. */
    private final String[] values;
    private final int[] fieldStart;
    /** For the ordinals of fields with few values, the documents that have the value; null for the others. */
    private final FixedBitSet[] docsWith;
    private final boolean anyFew;
    /** Each document's month of publication as {@code year * 12 + month - 1}, or -1 when it has no date. */
    private final short[] monthOf;
    private final int minMonth;
    private final int maxMonth;

    private SegmentFacets(int[] start, int[] ords, String[] values, int[] fieldStart, FixedBitSet[] docsWith,
            short[] monthOf) {
        this.start = start;
        this.ords = ords;
        this.values = values;
        this.fieldStart = fieldStart;
        this.docsWith = docsWith;
        this.monthOf = monthOf;
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (short m : monthOf) {
            if (m >= 0) {
                lo = Math.min(lo, m);
                hi = Math.max(hi, m);
            }
        }
        this.minMonth = hi < 0 ? -1 : lo;
        this.maxMonth = hi;
        boolean few = false;
        for (FixedBitSet b : docsWith) {
            few |= b != null;
        }
        this.anyFew = few;
    }

    /** Reads the given facet fields of a segment: two passes over each field's doc values. */
    static SegmentFacets read(LeafReader reader, List<String> fields) throws IOException {
        int maxDoc = reader.maxDoc();
        int n = fields.size();
        int[] fieldStart = fieldStarts(reader, fields);
        boolean[] few = new boolean[n];
        for (int f = 0; f < n; f++) {
            few[f] = fieldStart[f + 1] - fieldStart[f] <= FEW_VALUES;
        }
        int[] start = docStarts(reader, fields, few);
        // Second pass: the ordinals, shifted into one space shared by all fields, or the bit sets.
        int[] ords = new int[start[maxDoc]];
        int[] fill = new int[maxDoc];
        System.arraycopy(start, 0, fill, 0, maxDoc);
        String[] values = new String[fieldStart[n]];
        FixedBitSet[] docsWith = new FixedBitSet[fieldStart[n]];
        for (int f = 0; f < n; f++) {
            SortedSetDocValues dv = DocValues.getSortedSet(reader, fields.get(f));
            int base = fieldStart[f];
            if (few[f]) {
                for (int ord = base; ord < fieldStart[f + 1]; ord++) {
                    docsWith[ord] = new FixedBitSet(Math.max(1, maxDoc));
                }
                readBitSets(dv, base, docsWith);
            } else {
                readOrdinals(dv, base, ords, fill);
            }
            readValues(dv, base, values);
        }
        return new SegmentFacets(start, ords, values, fieldStart, docsWith, readMonths(reader));
    }

    /** The month of each document's published day; -1 for none, and for dates past what a short holds. */
    private static short[] readMonths(LeafReader reader) throws IOException {
        short[] months = new short[reader.maxDoc()];
        Arrays.fill(months, (short) -1);
        NumericDocValues dv = DocValues.getNumeric(reader, PaperFields.PUBLISHED);
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            long day = dv.longValue();
            if (day != PaperDocuments.NO_DATE) {
                LocalDate date = LocalDate.ofEpochDay(day);
                int month = date.getYear() * 12 + date.getMonthValue() - 1;
                if (month >= 0 && month <= Short.MAX_VALUE) {
                    months[doc] = (short) month;
                }
            }
        }
        return months;
    }

    /** Where each field's ordinals start in the space shared by all fields; the last entry ends the space. */
    private static int[] fieldStarts(LeafReader reader, List<String> fields) throws IOException {
        int n = fields.size();
        int[] fieldStart = new int[n + 1];
        for (int f = 0; f < n; f++) {
            long count = DocValues.getSortedSet(reader, fields.get(f)).getValueCount();
            if (fieldStart[f] + count > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many facet values in one segment");
            }
            fieldStart[f + 1] = fieldStart[f] + (int) count;
        }
        return fieldStart;
    }

    /** First pass: how many values of many-valued fields each document has, turned into offsets. */
    private static int[] docStarts(LeafReader reader, List<String> fields, boolean[] few) throws IOException {
        int maxDoc = reader.maxDoc();
        int[] start = new int[maxDoc + 1];
        for (int f = 0; f < fields.size(); f++) {
            if (few[f]) {
                continue;
            }
            SortedSetDocValues dv = DocValues.getSortedSet(reader, fields.get(f));
            for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
                start[doc + 1] += dv.docValueCount();
            }
        }
        for (int d = 0; d < maxDoc; d++) {
            start[d + 1] += start[d];
        }
        return start;
    }

    /** A field with few values: each document's bit in the bit set of each of its values. */
    private static void readBitSets(SortedSetDocValues dv, int base, FixedBitSet[] docsWith) throws IOException {
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            for (int k = dv.docValueCount(); k > 0; k--) {
                docsWith[base + (int) dv.nextOrd()].set(doc);
            }
        }
    }

    /** A field with many values: each document's ordinals, shifted by {@code base}, into its run of the array. */
    private static void readOrdinals(SortedSetDocValues dv, int base, int[] ords, int[] fill) throws IOException {
        for (int doc = dv.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = dv.nextDoc()) {
            for (int k = dv.docValueCount(); k > 0; k--) {
                ords[fill[doc]++] = base + (int) dv.nextOrd();
            }
        }
    }

    /** The value of each of the field's ordinals, from {@code base} on. */
    private static void readValues(SortedSetDocValues dv, int base, String[] values) throws IOException {
        TermsEnum terms = dv.termsEnum();
        int ord = base;
        for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            values[ord++] = term.utf8ToString();
        }
    }

    /** A zeroed counter for this segment's ordinals of many-valued fields. */
    int[] newCounts() {
        return new int[values.length];
    }

    /** A bit set to collect the matches in, when some field is counted by intersection or {@code always}; else null. */
    FixedBitSet newMatches(boolean always) {
        return anyFew || always ? new FixedBitSet(Math.max(1, start.length - 1)) : null;
    }

    /** Counts one matching document: its values of many-valued fields, and its bit among the matches. */
    void count(int doc, int[] counts, FixedBitSet matches) {
        for (int i = start[doc], end = start[doc + 1]; i < end; i++) {
            counts[ords[i]]++;
        }
        if (matches != null) {
            matches.set(doc);
        }
    }

    /**
     * Adds the counts of field {@code f} to {@code into}, indexed by global value number ({@code toGlobal} maps this
     * segment's ordinals to those, see {@link ReaderFacets}).
     */
    void addTo(int f, int[] counts, FixedBitSet matches, int[] toGlobal, long[] into) {
        for (int ord = fieldStart[f]; ord < fieldStart[f + 1]; ord++) {
            long c = docsWith[ord] != null ? FixedBitSet.intersectionCount(matches, docsWith[ord]) : counts[ord];
            if (c > 0) {
                into[toGlobal[ord]] += c;
            }
        }
    }

    /**
     * Adds the document to {@code into[row][column]} for each of its values of field {@code f} that has a row:
     * {@code rowOf[ord - fieldStart(f)]}, -1 for none.
     */
    void countRows(int f, int doc, int[] rowOf, int column, int[][] into) {
        int base = fieldStart[f];
        int end = fieldStart[f + 1];
        if (base < end && docsWith[base] != null) {
            for (int ord = base; ord < end; ord++) {
                if (rowOf[ord - base] >= 0 && docsWith[ord].get(doc)) {
                    into[rowOf[ord - base]][column]++;
                }
            }
            return;
        }
        for (int i = start[doc], stop = start[doc + 1]; i < stop; i++) {
            int o = ords[i];
            if (o >= base && o < end && rowOf[o - base] >= 0) {
                into[rowOf[o - base]][column]++;
            }
        }
    }

    /** The document's month of publication, {@code year * 12 + month - 1}, or -1 when it has no date. */
    int month(int doc) {
        return monthOf[doc];
    }

    /** The earliest and latest months of the segment's documents; -1 when none has a date. */
    int minMonth() {
        return minMonth;
    }

    int maxMonth() {
        return maxMonth;
    }

    int valueCount() {
        return values.length;
    }

    /** The first ordinal of field {@code f}; {@code fieldStart(f + 1)} ends its range. */
    int fieldStart(int f) {
        return fieldStart[f];
    }

    String value(int ord) {
        return values[ord];
    }

    /** Approximate heap taken, for logging. */
    long bytes() {
        long strings = 0;
        for (String v : values) {
            strings += 48 + 2L * v.length();
        }
        long bits = 0;
        for (FixedBitSet b : docsWith) {
            bits += b == null ? 0 : b.ramBytesUsed();
        }
        return 4L * (start.length + ords.length + fieldStart.length) + 2L * monthOf.length + 16L * values.length
                + strings + bits;
    }

    /**
     * The facet arrays of the segments of the open readers, keyed by segment core and dropped when the core closes.
     * Reading is done at most once per segment: when a new searcher is opened (see {@link #warm}), or otherwise by
     * the first search that needs it.
     */
    static final class Cache {
        private final List<String> fields;
        private final Map<IndexReader.CacheKey, SegmentFacets> bySegment = new ConcurrentHashMap<>();
        private final Map<IndexReader.CacheKey, ReaderFacets> byReader = new ConcurrentHashMap<>();

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

        /** The global numbering of the facet values of a reader's segments, built once per reader. */
        ReaderFacets of(IndexReader reader) throws IOException {
            IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
            if (helper == null) {
                return ReaderFacets.build(reader, this);
            }
            IndexReader.CacheKey key = helper.getKey();
            ReaderFacets cached = byReader.get(key);
            if (cached != null) {
                return cached;
            }
            ReaderFacets built = ReaderFacets.build(reader, this);
            if (byReader.putIfAbsent(key, built) == null) {
                helper.addClosedListener(byReader::remove);
                return built;
            }
            return byReader.get(key);
        }

        /** Reads every segment of a new reader not read yet and numbers its values, so that searches never pay. */
        void warm(IndexReader reader) throws IOException {
            of(reader);
        }

        /** Approximate heap held by the facet arrays of all open segments. */
        long bytes() {
            return bySegment.values().stream().mapToLong(SegmentFacets::bytes).sum();
        }
    }
}
