package org.evwatch.query;

import java.util.Objects;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * {@code similar:ID} as the parser leaves it: the id of a paper whose like are wanted. Only an index can say which
 * papers those are (it holds the paper's words and entities and their rarity), so the catalog's searcher replaces
 * this query with one built from the paper before it runs. Run as it is, elsewhere (a saved query matched against one
 * new paper), it matches nothing.
 */
public final class SimilarToQuery extends Query {

    private final String paperId;
    private final int position;

    /**
     * @param paperId the paper's id as typed
     * @param position where the id starts in the query text, for an error about it
     */
    public SimilarToQuery(String paperId, int position) {
        this.paperId = paperId;
        this.position = position;
    }

    public String paperId() {
        return paperId;
    }

    public int position() {
        return position;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) {
        return new MatchNoDocsQuery("similar: is resolved by the catalog's searcher only");
    }

    @Override
    public String toString(String field) {
        return QuerySyntax.SIMILAR + ":" + paperId;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && paperId.equals(((SimilarToQuery) other).paperId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), paperId);
    }
}
