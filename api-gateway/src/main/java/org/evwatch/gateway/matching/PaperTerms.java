package org.evwatch.gateway.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.apache.lucene.document.Document;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;
import org.evwatch.events.PaperIndexed;
import org.evwatch.query.PaperAnalysis;
import org.evwatch.query.PaperDocuments;

/**
 * One new paper as the matcher reads it: the terms, positions and point values of its one-document
 * {@link MemoryIndex}, built exactly as the brute-force {@link Percolator} builds it. Reading them out once lets each
 * saved query be checked with a few hash look-ups instead of a search. Only the fields some saved query reads need
 * analysing ({@link #of(PaperIndexed, Predicate)}); terms that leave a field out are made whole again before a query
 * that reads it is checked on them ({@link #covering}).
 */
public final class PaperTerms {

    /** Positions of a term in a field indexed without positions. */
    static final int[] NO_POSITIONS = new int[0];

    private final PaperIndexed paper;
    private final MemoryIndex index;
    /** The fields of the paper left out of the memory index. */
    private final Set<String> skipped;
    private final Map<String, Map<BytesRef, int[]>> terms = new HashMap<>();
    private final Map<String, List<byte[]>> points = new HashMap<>();

    private PaperTerms(PaperIndexed paper, MemoryIndex index, Set<String> skipped) {
        this.paper = paper;
        this.index = index;
        this.skipped = skipped;
    }

    /** Analyses the paper with the catalog's document mapping and analyzer. */
    public static PaperTerms of(PaperIndexed paper) {
        return of(paper, field -> true);
    }

    /**
     * Analyses the fields of the paper that {@code reads} accepts, as the catalog does, and leaves the others out:
     * a query on the fields kept matches as it would on the whole paper.
     */
    public static PaperTerms of(PaperIndexed paper, Predicate<String> reads) {
        Document document = new Document();
        Set<String> skipped = new HashSet<>();
        Map<String, Boolean> read = new HashMap<>();
        for (IndexableField field : PaperDocuments.toDocument(paper)) {
            if (read.computeIfAbsent(field.name(), reads::test)) {
                document.add(field);
            } else {
                skipped.add(field.name());
            }
        }
        MemoryIndex index = MemoryIndex.fromDocument(document, PaperAnalysis.analyzer());
        PaperTerms out = new PaperTerms(paper, index, skipped);
        LeafReader reader = (LeafReader) index.createSearcher().getIndexReader();
        try {
            for (FieldInfo field : reader.getFieldInfos()) {
                out.readTerms(reader, field);
                out.readPoints(reader, field);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a memory index does no I/O", e);
        }
        return out;
    }

    /**
     * These terms when they hold every field that {@code reads} accepts; otherwise (a query on another field was
     * saved since they were read) the paper's terms in all its fields.
     */
    PaperTerms covering(Predicate<String> reads) {
        for (String field : skipped) {
            if (reads.test(field)) {
                return of(paper);
            }
        }
        return this;
    }

    private void readTerms(LeafReader reader, FieldInfo field) throws IOException {
        Terms fieldTerms = reader.terms(field.name);
        if (fieldTerms == null) {
            return;
        }
        boolean positions = field.getIndexOptions().compareTo(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS) >= 0;
        Map<BytesRef, int[]> byTerm = new HashMap<>();
        TermsEnum it = fieldTerms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            int[] at = NO_POSITIONS;
            if (positions) {
                postings = it.postings(postings, PostingsEnum.POSITIONS);
                postings.nextDoc();
                at = new int[postings.freq()];
                for (int i = 0; i < at.length; i++) {
                    at[i] = postings.nextPosition();
                }
            }
            byTerm.put(BytesRef.deepCopyOf(term), at);
        }
        terms.put(field.name, byTerm);
    }

    private void readPoints(LeafReader reader, FieldInfo field) throws IOException {
        if (field.getPointDimensionCount() == 0) {
            return;
        }
        PointValues values = reader.getPointValues(field.name);
        if (values == null) {
            return;
        }
        List<byte[]> packed = new ArrayList<>();
        values.intersect(new PointValues.IntersectVisitor() {
            @Override
            public void visit(int docID) {
                throw new IllegalStateException("every value is visited with its point");
            }

            @Override
            public void visit(int docID, byte[] packedValue) {
                packed.add(packedValue.clone());
            }

            @Override
            public PointValues.Relation compare(byte[] minPackedValue, byte[] maxPackedValue) {
                return PointValues.Relation.CELL_CROSSES_QUERY;
            }
        });
        points.put(field.name, packed);
    }

    /** The paper's terms of a field with their positions, empty when the field is absent. */
    Map<BytesRef, int[]> terms(String field) {
        return terms.getOrDefault(field, Map.of());
    }

    /** The indexed fields and their terms. */
    Map<String, Map<BytesRef, int[]>> fields() {
        return terms;
    }

    /** Whether the paper holds the term in the field. */
    boolean has(String field, BytesRef term) {
        Map<BytesRef, int[]> byTerm = terms.get(field);
        return byTerm != null && byTerm.containsKey(term);
    }

    /** The packed point values of a field, empty when the field is absent. */
    List<byte[]> points(String field) {
        return points.getOrDefault(field, List.of());
    }

    /** Runs a query on the paper's memory index, for the query kinds the matcher does not read itself. */
    boolean search(Query query) {
        return index.search(query) > 0;
    }
}
