package org.evwatch.indexer.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.evwatch.events.PaperIndexed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The search contract against a real OpenSearch 2.19 node in this JVM (one node for the class, a fresh index per
 * test), and what only the OpenSearch engine does: several indexers on one index, a rebuild that moves the alias.
 */
class OpenSearchIndexIT extends SearchEngineContract {

    private static OpenSearchNode node;
    private static final AtomicInteger INDEXES = new AtomicInteger();

    @BeforeAll
    static void startNode() throws Exception {
        node = OpenSearchNode.shared();
    }

    @Override
    protected SearchEngine open() throws Exception {
        return newIndex();
    }

    private static SearchEngine newIndex() throws Exception {
        return OpenSearchIndex.open(node.index("papers-" + INDEXES.incrementAndGet()));
    }

    /** The timeline contract on the same node. */
    @Nested
    class Timeline extends TimelineContract {

        @Override
        protected SearchEngine open() throws Exception {
            return newIndex();
        }
    }

    @Test
    void aNewIndexAsksForARebuildAndARebuildMovesTheAliasWhileSearchesGoOn() throws Exception {
        index = open();
        assertThat(index.needsRebuild()).isTrue();
        List<PaperIndexed> corpus = Corpus.random(120, 3);
        for (int i = 0; i < 40; i++) {
            index.upsert(corpus.get(i), i + 1);
        }
        index.refresh();
        assertThat(index.count()).isEqualTo(40);
        long written = index.rebuild(sink -> {
            long seq = 0;
            for (PaperIndexed p : corpus) {
                sink.accept(new PaperIndex.Catalogued(p, ++seq));
            }
        });
        assertThat(written).isEqualTo(120);
        assertThat(index.count()).isEqualTo(120);
        assertThat(index.needsRebuild()).isFalse();
        assertThat(index.committedSeq()).isEqualTo(120);
    }

    @Test
    void twoIndexersWriteOneIndexAndTheNewestVersionWins() throws Exception {
        String name = "shared-" + INDEXES.incrementAndGet();
        // Two indexers start together on a cluster without the index: one creates it, the other finds it.
        CompletableFuture<SearchEngine> second = CompletableFuture.supplyAsync(() -> {
            try {
                return OpenSearchIndex.open(node.index(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        index = OpenSearchIndex.open(node.index(name));
        try (SearchEngine other = second.get()) {
            assertThat(List.of(index.needsRebuild(), other.needsRebuild())).as("one of them created it")
                    .containsExactlyInAnyOrder(true, false);
            List<PaperIndexed> small = Corpus.small();
            PaperIndexed p = small.get(3);
            PaperIndexed newer = new PaperIndexed(1, p.paperId(), PaperIndexed.Change.UPDATED, p.version() + 1,
                    p.indexedAt(), p.paper(), List.of(), p.summary(), p.sources());
            for (int i = 0; i < small.size(); i++) {
                (i % 2 == 0 ? index : other).upsert(small.get(i), i + 1);
            }
            other.upsert(newer, 20);
            index.upsert(p, 21); // the older copy, late: refused
            index.refresh();
            assertThat(other.count()).isEqualTo(small.size());
            SearchResult all = other.search(SearchRequest.of("").withSize(100));
            assertThat(all.hits()).filteredOn(h -> h.id().equals(p.paperId())).singleElement()
                    .satisfies(h -> assertThat(h.summary().entities()).as("the newer version's").isEmpty());
            index.commit();
            other.commit();
            assertThat(index.committedSeq()).isEqualTo(21);
        }
    }

    /** Similar papers need the Lucene engine: OpenSearch refuses them, and similar: in a query, clearly. */
    @org.junit.jupiter.api.Test
    void similarPapersAreRefusedAsNotImplemented() throws Exception {
        load(Corpus.small());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.similar("p05", 5))
                .isInstanceOf(UnsupportedSearchException.class).hasMessageContaining("Lucene");
        org.assertj.core.api.Assertions
                .assertThatThrownBy(() -> index.search(SearchRequest.of("exosome OR similar:p05")))
                .isInstanceOf(UnsupportedSearchException.class);
    }
}
