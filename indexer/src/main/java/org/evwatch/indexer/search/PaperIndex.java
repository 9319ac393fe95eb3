package org.evwatch.indexer.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.query.PaperDocuments;
import org.evwatch.query.PaperFields;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.Vocabulary;

/**
 * The Lucene index of the catalog: writing ({@link IndexWriting}), searching ({@link PaperSearcher}) and the facet
 * arrays both share ({@link SegmentFacets}).
 * <p>
 * A {@link ControlledRealTimeReopenThread} reopens the near-real-time searcher at least every
 * {@code maxStaleSeconds}, so a written paper is searchable within that time without a commit. Commits carry the
 * highest catalog sequence number written, so that after a crash the service re-feeds only what the last commit
 * misses.
 * <p>
 * The index lives in a generation directory ({@code gen-N}) named by the file {@code CURRENT}. A rebuild writes a
 * fresh generation while searches and writes continue on the old one (writes go to both), then swaps the two
 * atomically: no moment without an index. A missing or unreadable index opens as an empty generation that reports
 * {@link #needsRebuild()}.
 */
public final class PaperIndex implements SearchEngine {

    static final String HIT = "hit";

    private final SegmentFacets.Cache facetCache = new SegmentFacets.Cache(
            PaperFields.FACET_NAMES.stream().map(PaperFields.FACETS::get).toList());
    private final IndexWriting writing;
    private final PaperSearcher searcher;

    private PaperIndex(Path base, double maxStaleSeconds, Executor searchExecutor) throws IOException {
        SearcherFactory searchers = new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                // New segments get their facet arrays here, on the reopen thread, not in a user's search.
                facetCache.warm(reader);
                return searchExecutor == null ? new IndexSearcher(reader) : new IndexSearcher(reader, searchExecutor);
            }
        };
        this.writing = new IndexWriting(base, maxStaleSeconds, searchers);
        this.searcher = new PaperSearcher(writing::active, facetCache);
    }

    /**
     * Opens the index under {@code base}, creating an empty one when none is there or the one there is unreadable.
     *
     * @param maxStaleSeconds the longest a written paper may stay invisible to search
     * @param searchExecutor runs index slices of one search in parallel; null to search on the caller's thread
     */
    public static PaperIndex open(Path base, double maxStaleSeconds, Executor searchExecutor) throws IOException {
        return new PaperIndex(base, maxStaleSeconds, searchExecutor);
    }

    /**
     * True when the index had to be created empty on open, or holds papers in an older document layout: the caller
     * should rebuild it from the catalog.
     */
    @Override
    public boolean needsRebuild() {
        return writing.needsRebuild();
    }

    /** The catalog sequence number of the last commit: every change up to it is durable in the index. */
    @Override
    public long committedSeq() {
        return writing.active().committedSeq();
    }

    /** Adds or replaces a paper. Returns the generation to wait for to see it. */
    @Override
    public long upsert(PaperIndexed paper, long catalogSeq) throws IOException {
        return writing.write(paper.paperId(), paper.version(), document(paper), catalogSeq);
    }

    /** Removes a paper (e.g. one merged into another). */
    @Override
    public long delete(String paperId, long catalogSeq) throws IOException {
        return writing.write(paperId, Long.MAX_VALUE, null, catalogSeq);
    }

    /** Blocks until the change that returned {@code token} is searchable. */
    @Override
    public void waitForVisible(long token) throws InterruptedException {
        writing.active().waitForGeneration(token);
    }

    /** Makes everything written so far searchable now, rather than within the staleness bound. */
    @Override
    public void refresh() throws IOException {
        writing.active().refresh();
    }

    /** Makes everything written so far durable. */
    @Override
    public void commit() throws IOException {
        writing.commit();
    }

    /** Number of papers in the searchable view. */
    @Override
    public long count() throws IOException {
        return searcher.count();
    }

    /** Approximate heap held by the facet arrays of the open segments (see {@link SegmentFacets}). */
    public long facetBytes() {
        return facetCache.bytes();
    }

    /** The Lucene document of a paper: the shared fields plus the stored hit summary. */
    public static Document document(PaperIndexed paper) {
        Document doc = PaperDocuments.toDocument(paper);
        doc.add(new StoredField(HIT, EventJson.write(HitSummary.of(paper))));
        return doc;
    }

    /**
     * Rebuilds the index from the catalog into a fresh generation and swaps it in. Searches and writes go on
     * meanwhile; a write that races the rebuild lands in both generations, and the newer version of a paper wins.
     *
     * @param catalog feeds every paper of the catalog, with its sequence number, to the consumer it is given
     * @return the number of papers written
     */
    @Override
    public long rebuild(Consumer<Consumer<Catalogued>> catalog) throws IOException {
        return writing.rebuild(catalog);
    }

    /** A catalog paper and its catalog sequence number. */
    public record Catalogued(PaperIndexed paper, long seq) {
    }

    /** Runs a search whose words that name an entity in the vocabulary also find the papers annotated with it. */
    @Override
    public SearchResult search(SearchRequest request, Vocabulary vocabulary) throws QuerySyntaxException,
            IOException {
        return searcher.search(request, vocabulary);
    }

    /** The papers most like the one with this id, best first, with the shared words and entities. */
    @Override
    public SimilarResult similar(String paperId, int size) throws IOException {
        return searcher.similar(paperId, size);
    }

    /** The paper with this id weighed by the related-papers model; null when no paper has the id. */
    @Override
    public PaperWeights weights(String paperId) throws IOException {
        return searcher.weights(paperId);
    }

    @Override
    public void close() throws IOException {
        writing.close();
    }
}
