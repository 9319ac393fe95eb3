package org.evwatch.indexer.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.evwatch.query.PaperAnalysis;
import org.evwatch.query.PaperDocuments;
import org.evwatch.query.PaperFields;

/**
 * One index directory with its writer, near-real-time searcher manager and reopen thread. Commits carry the highest
 * catalog sequence number written, so that after a crash the service re-feeds only what the last commit misses, and
 * the document layout of the generation, so that one written by an older version is rebuilt.
 */
final class Generation implements Closeable {

    private static final String SEQ = "catalogSeq";
    /** The document layout the generation was written with (see {@link PaperDocuments#LAYOUT}); 1 when unnamed. */
    private static final String LAYOUT = "layout";

    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager manager;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopen;
    /** Newest version written per paper, so that a stale copy never overwrites a newer one. */
    private final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();
    private final AtomicLong maxSeq = new AtomicLong();
    private volatile long committedSeq;
    private final int layout;

    private Generation(Path dir, boolean create, SearcherFactory searchers, double maxStaleSeconds)
            throws IOException {
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
        this.layout = create ? PaperDocuments.LAYOUT : Integer.parseInt(data.getOrDefault(LAYOUT, "1"));
        this.manager = new SearcherManager(writer, searchers);
        this.reopen = new ControlledRealTimeReopenThread<>(writer, manager, maxStaleSeconds, 0.02);
        reopen.setName("index-reopen-" + dir.getFileName());
        reopen.setDaemon(true);
    }

    /**
     * Opens (or with {@code create}, creates afresh) the index in {@code dir}.
     *
     * @param searching true to start reopening the searcher now; else at {@link #activate()}
     */
    static Generation open(Path dir, boolean create, SearcherFactory searchers, double maxStaleSeconds,
            boolean searching) throws IOException {
        Generation gen = new Generation(dir, create, searchers, maxStaleSeconds);
        if (searching) {
            gen.reopen.start();
        }
        return gen;
    }

    /**
     * Starts the periodic reopen of a generation being rebuilt once it becomes the active one. Until then nobody
     * searches it, and reopening every second would only cut a bulk load into many small segments.
     */
    void activate() {
        if (!reopen.isAlive()) {
            reopen.start();
        }
    }

    /** Drops the versions seen while being rebuilt, once no write can race the swap any more. */
    void forgetVersions() {
        versions.clear();
    }

    Path dir() {
        return dir;
    }

    IndexWriter writer() {
        return writer;
    }

    long committedSeq() {
        return committedSeq;
    }

    /** The document layout of the papers in this generation. */
    int layout() {
        return layout;
    }

    IndexSearcher acquire() throws IOException {
        return manager.acquire();
    }

    void release(IndexSearcher searcher) throws IOException {
        manager.release(searcher);
    }

    /** Makes everything written so far searchable now. */
    void refresh() throws IOException {
        manager.maybeRefreshBlocking();
    }

    /** Blocks until the change that returned {@code token} is searchable. */
    void waitForGeneration(long token) throws InterruptedException {
        reopen.waitForGeneration(token);
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
        writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq), LAYOUT, Integer.toString(layout)).entrySet());
        writer.commit();
        committedSeq = seq;
    }

    @Override
    public void close() throws IOException {
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
        GenerationFiles.deleteTree(dir);
    }
}
