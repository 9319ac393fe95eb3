package org.evwatch.indexer.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.query.PaperAnalysis;
import org.evwatch.query.PaperDocuments;
import org.evwatch.query.PaperFields;
import org.evwatch.query.PaperFilters;
import org.evwatch.query.QuerySyntax;
import org.evwatch.query.QuerySyntaxException;

/**
 * The Lucene index of the catalog.
 * <p>
 * Writes go to an {@link IndexWriter}; a {@link ControlledRealTimeReopenThread} reopens the near-real-time searcher at
 * least every {@code maxStaleSeconds}, so a written paper is searchable within that time without a commit. Commits
 * carry the highest catalog sequence number written, so that after a crash the service re-feeds only what the last
 * commit misses.
 * <p>
 * The index lives in a generation directory ({@code gen-N}) named by the file {@code CURRENT}. A rebuild writes a
 * fresh generation while searches and writes continue on the old one (writes go to both), then swaps the two
 * atomically: no moment without an index. A missing or unreadable index opens as an empty generation that reports
 * {@link #needsRebuild()}.
 */
public final class PaperIndex implements Closeable {

    private static final Logger LOG = Logger.getLogger(PaperIndex.class.getName());
    private static final String CURRENT = "CURRENT";
    private static final String SEQ = "catalogSeq";
    static final String HIT = "hit";
    private static final int FACET_LIMIT = 20;
    private static final int YEAR_FACET_LIMIT = 200;
    /** Matches counted exactly while ranking; past it, ranking may skip documents that cannot make the page. */
    private static final int TOTAL_HITS_THRESHOLD = 1000;

    private final Path base;
    private final double maxStaleSeconds;
    private final Executor searchExecutor;
    private final AtomicReference<Generation> active = new AtomicReference<>();
    private volatile Generation building;
    private final boolean needsRebuild;
    private final Object rebuildLock = new Object();
    private final SegmentFacets.Cache facetCache = new SegmentFacets.Cache(
            PaperFields.FACET_NAMES.stream().map(PaperFields.FACETS::get).toList());

    private PaperIndex(Path base, double maxStaleSeconds, Executor searchExecutor) throws IOException {
        this.base = base;
        this.maxStaleSeconds = maxStaleSeconds;
        this.searchExecutor = searchExecutor;
        Files.createDirectories(base);
        Generation opened = openCurrent();
        this.needsRebuild = opened == null;
        active.set(opened != null ? opened : Generation.create(base.resolve(nextGenerationName()), this, true));
        if (opened == null) {
            writePointer(active.get());
        }
        deleteStaleGenerations();
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

    /** True when the index had to be created empty on open: the caller should rebuild it from the catalog. */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** The catalog sequence number of the last commit: every change up to it is durable in the index. */
    public long committedSeq() {
        return active.get().committedSeq;
    }

    /** Adds or replaces a paper. Returns the generation to wait for to see it. */
    public long upsert(PaperIndexed paper, long catalogSeq) throws IOException {
        Document doc = document(paper);
        Generation gen = active.get();
        long token = gen.write(paper.paperId(), paper.version(), doc, catalogSeq);
        Generation next = building;
        if (next != null) {
            next.write(paper.paperId(), paper.version(), doc, catalogSeq);
        }
        return token;
    }

    /** Removes a paper (e.g. one merged into another). */
    public long delete(String paperId, long catalogSeq) throws IOException {
        long token = active.get().write(paperId, Long.MAX_VALUE, null, catalogSeq);
        Generation next = building;
        if (next != null) {
            next.write(paperId, Long.MAX_VALUE, null, catalogSeq);
        }
        return token;
    }

    /** Blocks until the change that returned {@code token} is searchable. */
    public void waitForVisible(long token) throws InterruptedException {
        active.get().reopen.waitForGeneration(token);
    }

    /** Makes everything written so far durable. */
    public void commit() throws IOException {
        active.get().commit();
    }

    /** Number of papers in the searchable view. */
    public int count() throws IOException {
        Generation gen = active.get();
        IndexSearcher searcher = gen.manager.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            gen.manager.release(searcher);
        }
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
    public long rebuild(Consumer<Consumer<Catalogued>> catalog) throws IOException {
        synchronized (rebuildLock) {
            Generation next = Generation.create(base.resolve(nextGenerationName()), this, true);
            building = next;
            AtomicLong written = new AtomicLong();
            try {
                catalog.accept(c -> {
                    try {
                        next.write(c.paper().paperId(), c.paper().version(), document(c.paper()), c.seq());
                        written.incrementAndGet();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                next.commit();
                next.manager.maybeRefreshBlocking();
            } catch (IOException | RuntimeException e) {
                building = null;
                next.closeAndDelete();
                throw e;
            }
            next.activate();
            Generation old = active.getAndSet(next);
            building = null;
            next.versions.clear();
            writePointer(next);
            old.closeAndDelete();
            return written.get();
        }
    }

    /** A catalog paper and its catalog sequence number. */
    public record Catalogued(PaperIndexed paper, long seq) {
    }

    /** Runs a search. */
    public SearchResult search(SearchRequest request) throws QuerySyntaxException, IOException {
        Query text = QuerySyntax.parse(request.q());
        Query query = withFilters(text, request);
        Sort sort = request.sort() == SearchRequest.SortOrder.DATE
                ? new Sort(new SortField(PaperFields.PUBLISHED, SortField.Type.LONG, true),
                        new SortField(PaperFields.ID, SortField.Type.STRING))
                : new Sort(SortField.FIELD_SCORE, new SortField(PaperFields.ID, SortField.Type.STRING));
        FieldDoc after = request.cursor() == null || request.cursor().isBlank()
                ? null
                : Cursors.decode(request.sort(), request.cursor());
        List<String> facetNames = PaperFields.FACET_NAMES.stream().filter(request.facets()::contains).toList();
        List<String> facetFields = facetNames.stream().map(PaperFields.FACETS::get).toList();

        Generation gen = active.get();
        IndexSearcher searcher = gen.manager.acquire();
        try {
            // The page: one more than asked tells whether there is a next page. Ranking stops counting after
            // TOTAL_HITS_THRESHOLD matches, which lets Lucene skip documents that cannot reach the page.
            TopDocs topDocs = searcher.search(query,
                    new TopFieldCollectorManager(sort, request.size() + 1, after, TOTAL_HITS_THRESHOLD));
            // The exact total and the exact facets: one pass over all matches without scoring. The total is that
            // of the whole query, also on a page after a cursor.
            long total;
            Map<String, List<SearchResult.FacetValue>> facets = Map.of();
            Query matching = matchOnly(query);
            if (!facetFields.isEmpty()) {
                ReaderFacets values = facetCache.of(searcher.getIndexReader());
                FacetCounts.Result r = searcher.search(matching, new FacetCounts(facetCache, values, facetFields));
                total = r.total();
                facets = facetValues(facetNames, values, r.counts());
            } else if (after == null && topDocs.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
                total = topDocs.totalHits.value;
            } else {
                total = searcher.count(matching);
            }
            ScoreDoc[] docs = topDocs.scoreDocs;
            boolean more = docs.length > request.size();
            ScoreDoc[] page = more ? java.util.Arrays.copyOf(docs, request.size()) : docs;
            Map<Integer, Map<String, String>> highlights = request.highlight() && !(text instanceof MatchAllDocsQuery)
                    ? Highlights.of(searcher, text, page)
                    : Map.of();
            List<SearchResult.Hit> hits = new ArrayList<>(page.length);
            var stored = searcher.storedFields();
            for (ScoreDoc sd : page) {
                Document d = stored.document(sd.doc, Set.of(HIT));
                HitSummary summary = EventJson.mapper().readValue(d.getBinaryValue(HIT).bytes, HitSummary.class);
                Object first = ((FieldDoc) sd).fields[0];
                float score = first instanceof Float f ? f : Float.NaN;
                hits.add(new SearchResult.Hit(summary.id(), score, summary,
                        highlights.getOrDefault(sd.doc, Map.of())));
            }
            String next = more ? Cursors.encode(request.sort(), (FieldDoc) page[page.length - 1]) : null;
            return new SearchResult(total, hits, facets, next);
        } finally {
            gen.manager.release(searcher);
        }
    }

    /**
     * The same matches without scores: boosts dropped and each best-field disjunction turned into a plain one, which
     * Lucene can count in bulk (a window of documents at a time) instead of through a priority queue per document.
     */
    static Query matchOnly(Query q) {
        if (q instanceof BoostQuery b) {
            return matchOnly(b.getQuery());
        }
        if (q instanceof DisjunctionMaxQuery d) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            d.getDisjuncts().forEach(x -> b.add(matchOnly(x), Occur.SHOULD));
            return b.build();
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            bq.clauses().forEach(c -> b.add(matchOnly(c.getQuery()), c.getOccur()));
            return b.build();
        }
        return q;
    }

    private static Query withFilters(Query text, SearchRequest r) {
        List<Query> filters = new ArrayList<>();
        if (!r.entities().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.ENTITY, r.entities()));
        }
        if (!r.entityTypes().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.TYPE, r.entityTypes()));
        }
        if (r.from() != null || r.to() != null) {
            filters.add(PaperFilters.published(r.from(), r.to()));
        }
        if (!r.journals().isEmpty()) {
            filters.add(PaperFilters.journals(r.journals()));
        }
        if (!r.pubTypes().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.PUBTYPE, r.pubTypes()));
        }
        if (!r.sources().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.SOURCE, r.sources()));
        }
        if (!r.relevance().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.RELEVANCE, r.relevance()));
        }
        if (filters.isEmpty()) {
            return text;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        filters.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    private static Map<String, List<SearchResult.FacetValue>> facetValues(List<String> names, ReaderFacets values,
            long[] counts) {
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        for (String name : names) {
            int f = values.fields().indexOf(PaperFields.FACETS.get(name));
            out.put(name, values.top(f, counts, name.equals("year") ? YEAR_FACET_LIMIT : FACET_LIMIT));
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        Generation gen = active.get();
        if (gen != null) {
            gen.commit();
            gen.close();
        }
    }

    // --- generations on disk ---

    private Generation openCurrent() {
        Path pointer = base.resolve(CURRENT);
        if (!Files.exists(pointer)) {
            return null;
        }
        try {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
            Path dir = base.resolve(name);
            if (name.isEmpty() || !Files.isDirectory(dir)) {
                LOG.warning("index pointer names a missing directory '" + name + "': rebuilding");
                return null;
            }
            Generation gen = Generation.create(dir, this, false);
            // Opening a reader checks the commit point and every segment's header and footer checksums.
            try (IndexReader check = DirectoryReader.open(gen.writer)) {
                check.numDocs();
            }
            return gen;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "index at " + base + " cannot be opened: rebuilding", e);
            return null;
        }
    }

    private String nextGenerationName() throws IOException {
        long max = 0;
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path p : (Iterable<Path>) dirs::iterator) {
                String n = p.getFileName().toString();
                if (n.startsWith("gen-")) {
                    try {
                        max = Math.max(max, Long.parseLong(n.substring(4)));
                    } catch (NumberFormatException ignored) {
                        // not ours
                    }
                }
            }
        }
        return "gen-" + (max + 1);
    }

    private void writePointer(Generation gen) throws IOException {
        Path tmp = base.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, gen.dir.getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(tmp, base.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void deleteStaleGenerations() throws IOException {
        String keep = active.get().dir.getFileName().toString();
        try (Stream<Path> dirs = Files.list(base)) {
            for (Path p : dirs.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("gen-") && !n.equals(keep)) {
                    deleteTree(p);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One index directory with its writer, NRT searcher manager and reopen thread. */
    private static final class Generation {
        final Path dir;
        final Directory directory;
        final IndexWriter writer;
        final SearcherManager manager;
        final ControlledRealTimeReopenThread<IndexSearcher> reopen;
        /** Newest version written per paper, so that a stale copy never overwrites a newer one. */
        final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();
        final AtomicLong maxSeq = new AtomicLong();
        volatile long committedSeq;

        private Generation(Path dir, PaperIndex owner, boolean create) throws IOException {
            this.dir = dir;
            Files.createDirectories(dir);
            this.directory = FSDirectory.open(dir);
            IndexWriterConfig config = new IndexWriterConfig(PaperAnalysis.analyzer())
                    .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                    .setRAMBufferSizeMB(64);
            IndexWriter w;
            try {
                w = new IndexWriter(directory, config);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
            this.writer = w;
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            this.committedSeq = Long.parseLong(data.getOrDefault(SEQ, "0"));
            this.maxSeq.set(committedSeq);
            Executor executor = owner.searchExecutor;
            this.manager = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                    // New segments get their facet arrays here, on the reopen thread, not in a user's search.
                    owner.facetCache.warm(reader);
                    return executor == null ? new IndexSearcher(reader) : new IndexSearcher(reader, executor);
                }
            });
            this.reopen = new ControlledRealTimeReopenThread<>(writer, manager, owner.maxStaleSeconds, 0.02);
            reopen.setName("index-reopen-" + dir.getFileName());
            reopen.setDaemon(true);
            if (!create || owner.active.get() == null) {
                reopen.start();
            }
        }

        /**
         * Starts the periodic reopen of a generation being rebuilt once it becomes the active one. Until then
         * nobody searches it, and reopening every second would only cut a bulk load into many small segments.
         */
        void activate() {
            if (!reopen.isAlive()) {
                reopen.start();
            }
        }

        static Generation create(Path dir, PaperIndex owner, boolean create) throws IOException {
            return new Generation(dir, owner, create);
        }

        /** Writes (doc != null) or deletes a paper unless a newer version of it was already written here. */
        long write(String id, long version, Document doc, long seq) throws IOException {
            long[] token = {-1};
            try {
                versions.compute(id, (k, seen) -> {
                    if (seen != null && seen > version) {
                        return seen;
                    }
                    try {
                        token[0] = doc == null
                                ? writer.deleteDocuments(new Term(PaperFields.ID, id))
                                : writer.updateDocument(new Term(PaperFields.ID, id), doc);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return version;
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            maxSeq.accumulateAndGet(seq, Math::max);
            return token[0] < 0 ? writer.getMaxCompletedSequenceNumber() : token[0];
        }

        synchronized void commit() throws IOException {
            long seq = maxSeq.get();
            writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq)).entrySet());
            writer.commit();
            committedSeq = seq;
        }

        void close() throws IOException {
            reopen.close();
            manager.close();
            writer.close();
            directory.close();
        }

        void closeAndDelete() throws IOException {
            try {
                writer.rollback();
            } catch (IOException | RuntimeException ignored) {
                // rollback closes the writer; an error here leaves nothing worth keeping
            }
            reopen.close();
            manager.close();
            directory.close();
            deleteTree(dir);
        }
    }
}
