package org.evwatch.indexer.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the search index lives and how fresh it is kept. */
@ConfigMapping(prefix = "evwatch.index")
public interface IndexConfig {

    /** The index's base directory; generations live under it. */
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
