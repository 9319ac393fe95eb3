package org.evwatch.indexer.search;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

import org.evwatch.events.PaperIndexed;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.Vocabulary;

/**
 * Where the catalog's papers are searched: the embedded Lucene index ({@link PaperIndex}, one writer on local disk)
 * or an OpenSearch cluster ({@link OpenSearchIndex}, shared by several indexers). Both take the same query syntax,
 * filters, facets, highlights, timeline and cursors, and answer with the same {@link SearchResult}.
 */
public interface SearchEngine extends Closeable {

    /**
     * True when the index was created empty on open, or holds papers in an older layout: the caller should rebuild
     * it from the catalog.
     */
    boolean needsRebuild();

    /** The catalog sequence number up to which every change is durable in the index. */
    long committedSeq() throws IOException;

    /** Adds or replaces a paper; an older version never replaces a newer one. Returns a token for visibility. */
    long upsert(PaperIndexed paper, long catalogSeq) throws IOException;

    /** Removes a paper (e.g. one merged into another). Returns a token for visibility. */
    long delete(String paperId, long catalogSeq) throws IOException;

    /** Blocks until the change that returned {@code token} is searchable. */
    void waitForVisible(long token) throws InterruptedException, IOException;

    /** Makes everything written so far searchable now, rather than within the staleness bound. */
    void refresh() throws IOException;

    /** Makes everything written so far durable, with the highest catalog sequence number written. */
    void commit() throws IOException;

    /** Number of papers in the searchable view. */
    long count() throws IOException;

    /**
     * Writes every paper of the catalog anew, searches and writes going on meanwhile.
     *
     * @param catalog feeds every paper of the catalog, with its sequence number, to the consumer it is given
     * @return the number of papers written
     */
    long rebuild(Consumer<Consumer<PaperIndex.Catalogued>> catalog) throws IOException;

    /** Runs a search whose words that name an entity in the vocabulary also find the papers annotated with it. */
    SearchResult search(SearchRequest request, Vocabulary vocabulary) throws QuerySyntaxException, IOException;

    /**
     * The papers most like the one with this id, best first, by the related-papers model
     * ({@link org.evwatch.query.SimilarityModel}), each with the words and entities it shares with the paper; the
     * paper itself and its other versions are left out.
     *
     * @return null when no paper has the id
     * @throws UnsupportedOperationException when the engine cannot find similar papers
     */
    SimilarResult similar(String paperId, int size) throws IOException;

    /**
     * The paper with this id as the related-papers model weighs it against the collection now: its words and entity
     * ids with their weights.
     *
     * @return null when no paper has the id
     * @throws UnsupportedOperationException when the engine cannot weigh papers
     */
    PaperWeights weights(String paperId) throws IOException;

    /** Runs a search without expanding entity names. */
    default SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        return search(request, Vocabulary.NONE);
    }
}
