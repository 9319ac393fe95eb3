package org.evwatch.gateway.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
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
 * saved query be checked with a few hash look-ups instead of a search.
 */
public final class PaperTerms {

    /** Positions of a term in a field indexed without positions. */
    static final int[] NO_POSITIONS = new int[0];

    private final MemoryIndex index;
    private final Map<String, Map<BytesRef, int[]>> terms = new HashMap<>();
    private final Map<String, List<byte[]>> points = new HashMap<>();

    private PaperTerms(MemoryIndex index) {
        this.index = index;
    }

    /** Analyses the paper with the catalog's document mapping and analyzer. */
    public static PaperTerms of(PaperIndexed paper) {
        MemoryIndex index = MemoryIndex.fromDocument(PaperDocuments.toDocument(paper), PaperAnalysis.analyzer());
        PaperTerms out = new PaperTerms(index);
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
