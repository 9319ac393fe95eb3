package org.evwatch.indexer.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.events.tracing.TraceStep;
import org.evwatch.indexer.catalog.CatalogReader;
import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.indexer.config.IndexConfig;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.Vocabulary;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The service's search index, in the engine the configuration names ({@link SearchEngine}): opened at start
 * (rebuilt from the catalog when missing, corrupt, of an older layout or from another catalog; otherwise caught up
 * with the changes its last commit misses), fed after every catalog commit, committed periodically, and rebuilt on
 * demand without downtime.
 */
@ApplicationScoped
public class SearchIndex {

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    /** The state of the last or running rebuild. */
    public record ReindexStatus(String state, Instant startedAt, Instant finishedAt, long papers, String error) {
        static final ReindexStatus IDLE = new ReindexStatus("idle", null, null, 0, null);
    }

    private final IndexConfig config;
    private final CatalogReader catalog;
    private final AtomicReference<ReindexStatus> status = new AtomicReference<>(ReindexStatus.IDLE);
    private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> daemon(r, "index-rebuild"));
    private final ScheduledExecutorService committer = Executors
            .newSingleThreadScheduledExecutor(r -> daemon(r, "index-commit"));
    private volatile SearchEngine index;
    private ExecutorService searchPool;

    @Inject
    public SearchIndex(IndexConfig config, CatalogReader catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    /** Over an engine already open, with no catalog to catch up from. */
    SearchIndex(SearchEngine index) {
        this(null, null);
        this.index = index;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        int threads = config.searchThreads().orElse(1);
        if (threads > 1) {
            AtomicInteger n = new AtomicInteger();
            searchPool = Executors.newFixedThreadPool(threads, r -> daemon(r, "index-search-" + n.incrementAndGet()));
        }
        // OpenSearch is written by every indexer that names it; the Lucene index by this one alone.
        index = config.engine() == IndexConfig.Engine.OPENSEARCH
                ? OpenSearchIndex.open(config.opensearch())
                : PaperIndex.open(Path.of(config.dir()), config.maxStale().toMillis() / 1000.0, searchPool);
        long catalogSeq = catalog.maxSeq();
        if (index.needsRebuild() || index.committedSeq() > catalogSeq) {
            LOG.infof("search index (%s) is empty, of an older layout or of another catalog: rebuilding",
                    config.engine());
            startRebuild();
        } else {
            long caughtUp = catalog.changedSince(index.committedSeq(), config.pageSize(), this::write);
            for (String alias : catalog.aliases()) {
                index.delete(alias, 0);
            }
            LOG.infof("search index opened with %d papers; %d changed since its last commit", index.count(),
                    caughtUp);
        }
        long every = Math.max(100, config.commitInterval().toMillis());
        committer.scheduleWithFixedDelay(this::commitQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Puts what the catalog just committed into the index and makes all of it searchable at once: one refresh of the
     * searcher for the whole batch, not one per paper. A paper that cannot be indexed is logged and skipped: the
     * catalog holds it, and the index catches up from the catalog when it is next opened or rebuilt. {@code steps}
     * gives the trace step of a record by its key ({@link TraceStep#NONE} when untraced), which that line names.
     */
    public void applyAll(List<CatalogService.Outcome> outcomes, Function<String, TraceStep> steps) {
        if (outcomes.isEmpty()) {
            return;
        }
        for (CatalogService.Outcome outcome : outcomes) {
            try {
                apply(outcome);
            } catch (RuntimeException e) {
                notIndexed(outcome, steps.apply(outcome.recordKey()), e);
            }
        }
        try {
            index.refresh();
        } catch (IOException | RuntimeException e) {
            LOG.warn("search index refresh failed; the periodic refresh will show the papers", e);
        }
    }

    /**
     * Logs a paper the catalog holds but the index does not, naming it in the line and, as every line about a record
     * does, in the logging context: the record and paper ids, and the record's trace when traced.
     */
    private static void notIndexed(CatalogService.Outcome outcome, TraceStep step, RuntimeException e) {
        PaperIndexed paper = outcome.indexed();
        if (outcome.recordKey() != null) {
            RecordLog.enter(outcome.recordKey(), step);
        }
        RecordLog.enterPaper(paper.paperId(), step);
        try {
            LOG.errorf(e, "paper %s (version %d) committed but not indexed%s; a rebuild (POST /admin/reindex) puts it"
                    + " in", paper.paperId(), paper.version(),
                    outcome.removedPaperIds().isEmpty()
                            ? ""
                            : ", nor the papers merged into it removed: " + outcome.removedPaperIds());
        } finally {
            RecordLog.leave();
        }
    }

    /** Puts what the catalog just committed into the index, visible within the configured staleness. */
    public long apply(CatalogService.Outcome outcome) {
        try {
            long token = index.upsert(outcome.indexed(), outcome.changeSeq());
            for (String removed : outcome.removedPaperIds()) {
                token = index.delete(removed, outcome.changeSeq());
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SearchResult search(SearchRequest request, Vocabulary vocabulary) throws QuerySyntaxException,
            IOException {
        return index.search(request, vocabulary);
    }

    /** The papers most like the one with this id, best first; null when no paper has the id. */
    public SimilarResult similar(String paperId, int size) throws IOException {
        return index.similar(paperId, size);
    }

    /** The paper with this id weighed by the related-papers model; null when no paper has the id. */
    public PaperWeights weights(String paperId) throws IOException {
        return index.weights(paperId);
    }

    /** Starts a rebuild from the catalog unless one is running; returns the status. */
    public synchronized ReindexStatus startRebuild() {
        ReindexStatus current = status.get();
        if (current.state().equals("running")) {
            return current;
        }
        ReindexStatus running = new ReindexStatus("running", Instant.now(), null, 0, null);
        status.set(running);
        rebuilder.submit(() -> {
            try {
                long papers = index.rebuild(sink -> catalog.changedSince(0, config.pageSize(), sink));
                status.set(new ReindexStatus("done", running.startedAt(), Instant.now(), papers, null));
                LOG.infof("search index rebuilt with %d papers", papers);
            } catch (Exception | Error e) {
                LOG.error("search index rebuild failed", e);
                status.set(new ReindexStatus("failed", running.startedAt(), Instant.now(), 0,
                        String.valueOf(e.getMessage())));
            }
        });
        return running;
    }

    public ReindexStatus status() {
        return status.get();
    }

    private void write(PaperIndex.Catalogued c) {
        try {
            index.upsert(c.paper(), c.seq());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commitQuietly() {
        try {
            index.commit();
        } catch (IOException | RuntimeException e) {
            LOG.warn("search index commit failed; will retry", e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        committer.shutdownNow();
        rebuilder.shutdownNow();
        if (index != null) {
            index.close();
        }
        if (searchPool != null) {
            searchPool.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
