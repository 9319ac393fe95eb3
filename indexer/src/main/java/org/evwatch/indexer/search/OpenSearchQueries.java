package org.evwatch.indexer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.query_dsl.BoolQuery;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch._types.query_dsl.SpanQuery;

/**
 * The query syntax's parsed queries ({@link org.evwatch.query.QuerySyntax}), with the API's filters, in OpenSearch's
 * query DSL. The parsed query's terms are already analysed and the index analyses its text fields with the same chain
 * ({@link OpenSearchLayout}), so each Lucene clause becomes the DSL clause that builds the same Lucene query inside
 * OpenSearch: a term stays a term, a best-field disjunction a {@code dis_max}, a boost a boost. A phrase becomes an
 * ordered {@code span_near} whose slop covers the gaps the stop words left.
 */
final class OpenSearchQueries {

    private OpenSearchQueries() {
    }

    /** The OpenSearch name of a field: dots would make an object path there ({@code journal.exact}). */
    static String field(String luceneField) {
        return luceneField.replace('.', '_');
    }

    /** The DSL form of a parsed query. */
    static Query translate(org.apache.lucene.search.Query q) {
        if (q instanceof TermQuery t) {
            return term(t.getTerm());
        }
        if (q instanceof BooleanQuery b) {
            return bool(b);
        }
        if (q instanceof BoostQuery b) {
            Query inner = translate(b.getQuery());
            return Query.of(x -> x.bool(y -> y.must(inner).boost(b.getBoost())));
        }
        if (q instanceof ConstantScoreQuery c) {
            Query inner = translate(c.getQuery());
            return Query.of(x -> x.constantScore(y -> y.filter(inner)));
        }
        if (q instanceof DisjunctionMaxQuery d) {
            List<Query> disjuncts = d.getDisjuncts().stream().map(OpenSearchQueries::translate).toList();
            return Query.of(x -> x.disMax(y -> y.queries(disjuncts).tieBreaker((double) d.getTieBreakerMultiplier())));
        }
        if (q instanceof MatchAllDocsQuery) {
            return Query.of(x -> x.matchAll(y -> y));
        }
        if (q instanceof MatchNoDocsQuery) {
            return matchNone();
        }
        return leaf(q);
    }

    private static Query leaf(org.apache.lucene.search.Query q) {
        if (q instanceof PhraseQuery p) {
            return phrase(p);
        }
        if (q instanceof PrefixQuery p) {
            return Query.of(x -> x.prefix(y -> y.field(field(p.getField())).value(p.getPrefix().text())));
        }
        if (q instanceof WildcardQuery w) {
            return Query.of(x -> x.wildcard(y -> y.field(field(w.getField())).value(w.getTerm().text())));
        }
        if (q instanceof PointRangeQuery r) {
            return range(r);
        }
        if (q instanceof TermInSetQuery t) {
            return terms(t.getField(), values(t));
        }
        throw new IllegalArgumentException("no OpenSearch form for " + q.getClass().getSimpleName() + ": " + q);
    }

    private static Query term(Term t) {
        return Query.of(x -> x.term(y -> y.field(field(t.field())).value(FieldValue.of(t.text()))));
    }

    private static Query terms(String field, List<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(x -> x.terms(y -> y.field(field(field)).terms(v -> v.value(fieldValues))));
    }

    private static Query matchNone() {
        return Query.of(x -> x.matchNone(y -> y));
    }

    /** A Lucene boolean query matches nothing without a positive clause; OpenSearch's bool would match everything. */
    private static Query bool(BooleanQuery b) {
        if (b.clauses().stream().noneMatch(c -> c.getOccur() != Occur.MUST_NOT)) {
            return matchNone();
        }
        BoolQuery.Builder out = new BoolQuery.Builder();
        for (BooleanClause c : b.clauses()) {
            Query inner = translate(c.getQuery());
            switch (c.getOccur()) {
                case MUST -> out.must(inner);
                case SHOULD -> out.should(inner);
                case FILTER -> out.filter(inner);
                case MUST_NOT -> out.mustNot(inner);
            }
        }
        if (b.getMinimumNumberShouldMatch() > 0) {
            out.minimumShouldMatch(Integer.toString(b.getMinimumNumberShouldMatch()));
        }
        BoolQuery built = out.build();
        return Query.of(x -> x.bool(built));
    }

    /** Terms at their positions: the slop grows by the gaps between them, so stop words still count as distance. */
    private static Query phrase(PhraseQuery p) {
        Term[] terms = p.getTerms();
        int[] positions = p.getPositions();
        if (terms.length == 0) {
            return matchNone();
        }
        int gaps = positions[positions.length - 1] - positions[0] - (positions.length - 1);
        List<SpanQuery> clauses = new ArrayList<>();
        for (Term t : terms) {
            clauses.add(SpanQuery.of(s -> s.spanTerm(x -> x.field(field(t.field())).value(t.text()))));
        }
        if (clauses.size() == 1) {
            return term(terms[0]);
        }
        return Query.of(x -> x.spanNear(y -> y.clauses(clauses).slop(p.getSlop() + gaps).inOrder(true)));
    }

    /** An int (the year) or long (the published day) range; both bounds inclusive, as Lucene's point ranges. */
    private static Query range(PointRangeQuery r) {
        if (r.getNumDims() != 1) {
            throw new IllegalArgumentException("no OpenSearch form for a multi-dimensional range: " + r);
        }
        boolean ints = r.getBytesPerDim() == Integer.BYTES;
        long lo = ints
                ? IntPoint.decodeDimension(r.getLowerPoint(), 0)
                : LongPoint.decodeDimension(r.getLowerPoint(), 0);
        long hi = ints
                ? IntPoint.decodeDimension(r.getUpperPoint(), 0)
                : LongPoint.decodeDimension(r.getUpperPoint(), 0);
        return Query.of(x -> x.range(y -> y.field(field(r.getField())).gte(JsonData.of(lo)).lte(JsonData.of(hi))));
    }

    private static List<String> values(TermInSetQuery t) {
        List<String> out = new ArrayList<>();
        try {
            BytesRefIterator it = t.getBytesRefIterator();
            for (BytesRef b = it.next(); b != null; b = it.next()) {
                out.add(b.utf8ToString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a query's terms in memory cannot fail", e);
        }
        return out;
    }
}
