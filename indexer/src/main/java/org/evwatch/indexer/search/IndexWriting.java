package org.evwatch.indexer.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.SearcherFactory;
import org.evwatch.query.PaperDocuments;

/**
 * The writing side of the index: papers go to the active generation, and also to the one being rebuilt while a
 * rebuild runs; the newer version of a paper wins in each. A rebuild fills a fresh generation and swaps it in.
 */
final class IndexWriting implements Closeable {

    private static final Logger LOG = Logger.getLogger(IndexWriting.class.getName());

    private final GenerationFiles files;
    private final SearcherFactory searchers;
    private final double maxStaleSeconds;
    private final AtomicReference<Generation> active = new AtomicReference<>();
    private volatile Generation building;
    private final boolean needsRebuild;
    private final Object rebuildLock = new Object();

    /**
     * Opens the current generation, or creates an empty one when there is none or it cannot be read. A generation of
     * an older document layout stays searchable until its rebuild replaces it.
     */
    IndexWriting(Path base, double maxStaleSeconds, SearcherFactory searchers) throws IOException {
        this.files = new GenerationFiles(base);
        this.searchers = searchers;
        this.maxStaleSeconds = maxStaleSeconds;
        Generation opened = openCurrent();
        this.needsRebuild = opened == null || opened.layout() != PaperDocuments.LAYOUT;
        if (opened == null) {
            opened = Generation.open(files.next(), true, searchers, maxStaleSeconds, true);
            files.point(opened.dir());
        }
        active.set(opened);
        files.deleteAllBut(opened.dir());
    }

    private Generation openCurrent() {
        try {
            Path dir = files.current();
            if (dir == null) {
                return null;
            }
            Generation gen = Generation.open(dir, false, searchers, maxStaleSeconds, true);
            // Opening a reader checks the commit point and every segment's header and footer checksums.
            try (IndexReader check = DirectoryReader.open(gen.writer())) {
                check.numDocs();
            }
            return gen;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "index at " + files.base() + " cannot be opened: rebuilding", e);
            return null;
        }
    }

    /** The generation searches read. */
    Generation active() {
        return active.get();
    }

    boolean needsRebuild() {
        return needsRebuild;
    }

    /** Writes (doc != null) or deletes a paper; returns the token to wait for to see it. */
    long write(String paperId, long version, Document doc, long catalogSeq) throws IOException {
        long token = active.get().write(paperId, version, doc, catalogSeq);
        Generation next = building;
        if (next != null) {
            next.write(paperId, version, doc, catalogSeq);
        }
        return token;
    }

    void commit() throws IOException {
        active.get().commit();
    }

    /**
     * Fills a fresh generation from {@code catalog} and swaps it in, searches and writes going on meanwhile.
     *
     * @return the number of papers written
     */
    long rebuild(Consumer<Consumer<PaperIndex.Catalogued>> catalog) throws IOException {
        synchronized (rebuildLock) {
            Generation next = Generation.open(files.next(), true, searchers, maxStaleSeconds, false);
            building = next;
            AtomicLong written = new AtomicLong();
            try {
                catalog.accept(c -> {
                    try {
                        next.write(c.paper().paperId(), c.paper().version(), PaperIndex.document(c.paper()), c.seq());
                        written.incrementAndGet();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                next.commit();
                next.refresh();
            } catch (IOException | RuntimeException e) {
                building = null;
                next.closeAndDelete();
                throw e;
            }
            next.activate();
            Generation old = active.getAndSet(next);
            building = null;
            next.forgetVersions();
            files.point(next.dir());
            old.closeAndDelete();
            return written.get();
        }
    }

    @Override
    public void close() throws IOException {
        Generation gen = active.get();
        if (gen != null) {
            gen.commit();
            gen.close();
        }
    }
}
