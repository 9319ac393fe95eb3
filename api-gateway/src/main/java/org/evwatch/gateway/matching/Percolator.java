package org.evwatch.gateway.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.evwatch.events.PaperIndexed;
import org.evwatch.query.PaperAnalysis;
import org.evwatch.query.PaperDocuments;
import org.evwatch.query.QuerySyntax;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.SimilarToQuery;
import org.evwatch.query.Vocabulary;

/**
 * Matches one new paper against many saved queries, as a percolator does: the paper becomes a one-document
 * {@link MemoryIndex} built with the same document mapping and analyzer as the catalog's index, and each saved query
 * runs against it. A saved query therefore matches a new paper exactly when a search would find it.
 * <p>
 * The gateway matches through {@link SavedQueryIndex}, which checks only the queries a paper can match; this
 * brute-force matcher is the reference its answers are tested and benchmarked against.
 */
public final class Percolator {

    /** A saved query ready to run: the parsed text restricted by the filters. */
    public record Compiled(String id, Query query) {

        public static Compiled of(String id, String q, SearchFilters filters) throws QuerySyntaxException {
            return of(id, q, filters, Vocabulary.NONE);
        }

        /** A saved query whose words that name an entity also match papers annotated with it, as in search. */
        public static Compiled of(String id, String q, SearchFilters filters, Vocabulary vocabulary)
                throws QuerySyntaxException {
            Query parsed = QuerySyntax.parse(q, vocabulary).query();
            refuseSimilar(parsed);
            // Constant score: MemoryIndex reports a match as a score above zero, and filter-only queries score zero.
            return new Compiled(id, new ConstantScoreQuery(filters.restrict(parsed)));
        }
    }

    /**
     * {@code similar:ID} is answered by a search of the catalog, which holds the paper's words and entities and their
     * rarity; a saved query or a live stream is matched against each new paper alone, where it could never match.
     */
    private static void refuseSimilar(Query parsed) throws QuerySyntaxException {
        List<SimilarToQuery> found = new ArrayList<>();
        parsed.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this; // negated clauses too
            }

            @Override
            public void visitLeaf(Query query) {
                if (query instanceof SimilarToQuery similar) {
                    found.add(similar);
                }
            }
        });
        if (!found.isEmpty()) {
            throw new QuerySyntaxException("similar: searches the catalog for papers like one paper; it cannot be "
                    + "saved or followed live, where each new paper is matched alone", found.get(0).position());
        }
    }

    /** The ids of the saved queries the paper matches, in the order given. */
    public List<String> match(PaperIndexed paper, Collection<Compiled> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        MemoryIndex index = MemoryIndex.fromDocument(PaperDocuments.toDocument(paper), PaperAnalysis.analyzer());
        List<String> matched = new ArrayList<>();
        for (Compiled q : queries) {
            if (index.search(q.query()) > 0) {
                matched.add(q.id());
            }
        }
        return matched;
    }
}
