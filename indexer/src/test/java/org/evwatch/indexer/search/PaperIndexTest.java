package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.evwatch.events.PaperIndexed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Lucene index: the shared search contract, and what only it does (segments, generations, files). */
class PaperIndexTest extends SearchEngineContract {

    @TempDir
    Path dir;

    @Override
    protected SearchEngine open() throws Exception {
        return PaperIndex.open(dir, 1.0, null);
    }

    @Test
    void facetCountsStayExactAcrossSegmentsUpdatesDeletesAndParallelSlices() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            index = PaperIndex.open(dir, 1.0, pool);
            List<PaperIndexed> corpus = new ArrayList<>(Corpus.random(600, 7));
            long seq = 0;
            for (PaperIndexed p : corpus) {
                index.upsert(p, ++seq);
                if (seq % 150 == 0) {
                    index.commit(); // each commit closes a segment: counts must add up across segments
                }
            }
            // Replacing a paper leaves a deleted copy in an old segment; deleting one leaves only the deletion.
            long token = 0;
            for (int i = 0; i < 600; i += 12) {
                PaperIndexed p = corpus.get(i);
                PaperIndexed moved = new PaperIndexed(1, p.paperId(), PaperIndexed.Change.UPDATED, p.version() + 1,
                        p.indexedAt(), p.paper(), p.entities().subList(0, Math.min(1, p.entities().size())),
                        p.summary(), p.sources());
                corpus.set(i, moved);
                token = index.upsert(moved, ++seq);
            }
            for (int i = 5; i < 600; i += 20) {
                token = index.delete(corpus.get(i).paperId(), ++seq);
            }
            index.waitForVisible(token);
            List<PaperIndexed> live = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (i < 5 || (i - 5) % 20 != 0) {
                    live.add(corpus.get(i));
                }
            }
            assertThat(index.count()).isEqualTo(live.size());
            for (String q : List.of("", "exosome", "cancer OR glioma")) {
                assertFacetsAreExact(q, live);
            }
        } finally {
            index.close();
            index = null;
            pool.shutdownNow();
        }
    }

    @Test
    void aPaperIsSearchableWithinOneSecondWithoutACommit() throws Exception {
        load(Corpus.small());
        PaperIndexed fresh = Corpus.paper("nrt", "Zebrafish xenograft exosome tracking", "Live imaging.", 2025,
                "J", "pubmed", org.evwatch.events.Summary.Relevance.Label.RELEVANT, List.of());
        long start = System.nanoTime();
        index.upsert(fresh, 100);
        // Poll as a client would; the reopen thread, not this test, must make it visible.
        while (index.search(SearchRequest.of("zebrafish")).total() == 0) {
            // One second of staleness, plus slack for a build machine shared with other work.
            assertThat((System.nanoTime() - start) / 1_000_000).as("ms until visible").isLessThan(2_000);
            Thread.sleep(10);
        }
        assertThat(index.committedSeq()).isZero();
    }

    @Test
    void rebuildSwapsInAFreshIndexWhileSearchesGoOn() throws Exception {
        List<PaperIndexed> corpus = Corpus.random(300, 3);
        load(corpus.subList(0, 100));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger searches = new AtomicInteger();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread searcher = new Thread(() -> {
            while (!stop.get()) {
                try {
                    index.search(SearchRequest.of("cancer"));
                    searches.incrementAndGet();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }
        });
        searcher.start();
        long written = index.rebuild(sink -> {
            long seq = 0;
            for (PaperIndexed p : corpus) {
                sink.accept(new PaperIndex.Catalogued(p, ++seq));
            }
        });
        stop.set(true);
        searcher.join();
        assertThat(failures).isEmpty();
        assertThat(searches.get()).isPositive();
        assertThat(written).isEqualTo(300);
        assertThat(index.count()).isEqualTo(300);
        assertThat(index.committedSeq()).isEqualTo(300);
        try (Stream<Path> gens = Files.list(dir)) {
            assertThat(gens.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).toList())
                    .containsExactly("gen-2");
        }
        // The swapped-in index stays in use after a restart.
        index.close();
        index = PaperIndex.open(dir, 1.0, null);
        assertThat(index.needsRebuild()).isFalse();
        assertThat(index.count()).isEqualTo(300);
    }

    @Test
    void missingIndexOpensEmptyAndAsksForARebuild() throws Exception {
        index = PaperIndex.open(dir, 1.0, null);
        assertThat(index.needsRebuild()).isTrue();
        assertThat(index.search(SearchRequest.of("exosome")).total()).isZero();
    }

    @Test
    void corruptIndexOpensEmptyAndAsksForARebuild() throws Exception {
        load(Corpus.small());
        index.commit();
        index.close();
        index = null;
        Path gen = dir.resolve(Files.readString(dir.resolve("CURRENT")).trim());
        try (Stream<Path> files = Files.list(gen)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                bytes[bytes.length / 2] ^= 0x5a;
                Files.write(f, bytes);
            }
        }
        index = PaperIndex.open(dir, 1.0, null);
        assertThat(index.needsRebuild()).isTrue();
        assertThat(index.count()).isZero();
        index.rebuild(sink -> {
            long seq = 0;
            for (PaperIndexed p : Corpus.small()) {
                sink.accept(new PaperIndex.Catalogued(p, ++seq));
            }
        });
        assertThat(ids(index.search(SearchRequest.of("statin")))).containsExactly("p04");
    }

}
