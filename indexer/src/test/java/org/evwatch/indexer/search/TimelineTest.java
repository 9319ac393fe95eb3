package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.evwatch.events.PaperIndexed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timeline from the embedded Lucene index: the shared contract, and across segments, slices and layouts. */
class TimelineTest extends TimelineContract {

    @TempDir
    Path dir;

    @Override
    protected SearchEngine open() throws Exception {
        return PaperIndex.open(dir, 1.0, null);
    }

    @Test
    void countsStayExactAcrossSmallSegmentsDeletionsAndParallelSlices() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<PaperIndexed> corpus = new ArrayList<>(corpus(500, 5));
            load(corpus, pool, 40); // small segments hold few entity values each: counted by bit sets
            long token = 0;
            List<PaperIndexed> live = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                if (i % 9 == 4) {
                    token = index.delete(corpus.get(i).paperId(), 10_000 + i);
                } else {
                    live.add(corpus.get(i));
                }
            }
            index.waitForVisible(token);
            for (String q : List.of("", "exosome")) {
                assertTimelineIsExact(SearchRequest.of(q).withTimeline(true), live);
            }
        } finally {
            index.close();
            index = null;
            pool.shutdownNow();
        }
    }

    @Test
    void anIndexOfTheFirstLayoutStaysSearchableAndAsksForARebuild() throws Exception {
        load(corpus(30, 2));
        index.commit();
        index.close();
        index = null;
        Path gen = dir.resolve(java.nio.file.Files.readString(dir.resolve("CURRENT")).trim());
        try (var directory = FSDirectory.open(gen);
                var writer = new IndexWriter(directory,
                        new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(Map.of("catalogSeq", "30").entrySet());
            writer.commit();
        }
        index = PaperIndex.open(dir, 1.0, null);
        assertThat(index.needsRebuild()).isTrue();
        assertThat(index.count()).isEqualTo(30);
        index.close();
        index = PaperIndex.open(dir, 1.0, null);
        assertThat(index.needsRebuild()).as("reopened before any rebuild").isTrue();
    }

    private void load(List<PaperIndexed> papers, ExecutorService pool, int commitEvery) throws Exception {
        index = PaperIndex.open(dir, 1.0, pool);
        long token = 0;
        long seq = 0;
        for (PaperIndexed p : papers) {
            token = index.upsert(p, ++seq);
            if (seq % commitEvery == 0) {
                index.commit();
            }
        }
        index.waitForVisible(token);
    }
}
