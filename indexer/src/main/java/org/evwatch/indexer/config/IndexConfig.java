package org.evwatch.indexer.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Which search engine holds the index, where it lives and how fresh it is kept. */
@ConfigMapping(prefix = "evwatch.index")
public interface IndexConfig {

    /** The search engines an indexer can use. */
    enum Engine {
        /** The embedded Lucene index under {@link #dir()}: one indexer, no other service to run. */
        LUCENE,
        /** An OpenSearch index: several indexers write it, and search scales past one machine. */
        OPENSEARCH
    }

    /** Which engine holds the index: {@code lucene} (the default) or {@code opensearch}. */
    @WithDefault("lucene")
    Engine engine();

    /** The OpenSearch index, used when {@link #engine()} is {@code opensearch}. */
    OpenSearch opensearch();

    /** Where the OpenSearch index is and how it is laid out. */
    interface OpenSearch {

        /** The cluster's HTTP address. */
        @WithDefault("http://localhost:9200")
        String url();

        /** The name of the papers' index, created with its mapping and analysers when missing. */
        @WithDefault("evwatch-papers")
        String index();

        /**
         * Primary shards of a new index. One keeps facet counts exact; more spread a large index over nodes, with
         * facet counts exact up to the shard size each shard returns.
         */
        @WithDefault("1")
        int shards();

        /** Replicas of each shard in a new index: more serve more searches and survive a node's loss. */
        @WithDefault("0")
        int replicas();
    }

    /** The Lucene index's base directory; generations live under it. */
    @WithDefault("data/index")
    String dir();

    /** The longest a consumed paper may stay invisible to search. */
    @WithDefault("PT1S")
    Duration maxStale();

    /** How often the index commits, making recent changes durable. */
    @WithDefault("PT10S")
    Duration commitInterval();

    /**
     * Threads one search may use: above 1, the index's segments are searched in parallel slices and the results
     * merged. Default 1, each search on its request's thread: on 2 cores that was faster for one client and for
     * eight (docs/benchmarks.md, Indexer); slices can pay off with many cores and few concurrent searches.
     */
    Optional<Integer> searchThreads();

    /** Papers read from the catalog per page during a rebuild or catch-up. */
    @WithDefault("500")
    int pageSize();
}
