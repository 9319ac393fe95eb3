package org.evwatch.gateway.matching;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PointInSetQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * The fields of a paper a saved query reads, so that a paper is analysed only in the fields some query reads: the
 * rest cannot change any answer. Read with Lucene's {@link QueryVisitor}; a leaf query of a kind not known to name
 * its field as it is visited reads, to be safe, every field ({@link #of} gives null).
 */
final class QueryFields {

    private QueryFields() {
    }

    /** The fields the query reads; none for match-all, null when it may read any. */
    static Set<String> of(Query query) {
        Collector collector = new Collector();
        query.visit(collector);
        return collector.everyField ? null : collector.fields;
    }

    private static final class Collector extends QueryVisitor {
        final Set<String> fields = new HashSet<>();
        boolean everyField;

        @Override
        public boolean acceptField(String field) {
            fields.add(field);
            return true;
        }

        @Override
        public void consumeTerms(Query query, Term... terms) {
            for (Term t : terms) {
                fields.add(t.field());
            }
        }

        @Override
        public void consumeTermsMatching(Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            fields.add(field);
        }

        @Override
        public void visitLeaf(Query query) {
            // These name their field through acceptField before visiting themselves, or read none.
            boolean known = query instanceof PointRangeQuery || query instanceof PointInSetQuery
                    || query instanceof MultiTermQuery || query instanceof MatchAllDocsQuery
                    || query instanceof MatchNoDocsQuery;
            everyField |= !known;
        }

        @Override
        public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this;
        }
    }
}
