package org.evwatch.fetcher.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The fetcher's settings; every one can be set by an environment variable (EVWATCH_FETCHER_INBOX_DIR, ...). */
@ConfigMapping(prefix = "evwatch.fetcher")
public interface FetcherConfig {

    Inbox inbox();

    Imports imports();

    Replay replay();

    /**
     * This instance's name on the leases it holds (see docs/operations.md); by default the host name. A restarted
     * instance under the same name takes its sources back at once; two instances on one host need names of their own.
     */
    Optional<String> instance();

    /** Imports through the internal API ({@code POST /internal/v1/imports}), which the gateway's imports call. */
    interface Imports {
        /** The largest upload; a larger one is refused with 413 before it is read. */
        @WithDefault("16M")
        MemorySize maxSize();

        /** The watch id given to imported records. */
        @WithDefault("import")
        String watchId();

        /**
         * Whether a URL of an identifier list may point at this machine or a private network. Off: an import is
         * somebody's upload, and the fetcher must not be made to read the internal services around it.
         */
        @WithDefault("false")
        boolean allowPrivateHosts();
    }

    /** Replays of the stored records to papers.fetched ({@code POST /internal/v1/replays}). */
    interface Replay {
        /**
         * How often any instance looks for a replay left running by a stop and takes it up; {@code off}: only the
         * instance that started a replay works on it.
         */
        @WithDefault("10s")
        String resumeEvery();
    }

    interface Inbox {
        /** Whether the inbox directory is watched. */
        @WithDefault("true")
        boolean enabled();

        /** The directory to watch; files dropped here are read, then moved to processed/ or rejected/. */
        @WithDefault(".runtime/inbox")
        Path dir();

        /** How often the directory is scanned. */
        @WithDefault("200ms")
        Duration interval();

        /** The watch id given to records that arrive through the inbox. */
        @WithDefault("inbox")
        String watchId();

        /**
         * The largest file read; a larger one is rejected from its size alone. A file is parsed whole (its articles
         * are cut out of the exact text), which takes several times its size in heap: 32 MB is some 5,000 PubMed
         * articles, ten times an efetch batch NCBI recommends, and fits the fetcher's default heap.
         */
        @WithDefault("32M")
        MemorySize maxFileSize();

        /** How long to wait for Kafka to acknowledge the records of one file. */
        @WithDefault("30s")
        Duration sendTimeout();
    }
}
