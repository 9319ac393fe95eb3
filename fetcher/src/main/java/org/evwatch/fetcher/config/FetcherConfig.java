package org.evwatch.fetcher.config;

import java.nio.file.Path;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The fetcher's settings; every one can be set by an environment variable (EVWATCH_FETCHER_INBOX_DIR, ...). */
@ConfigMapping(prefix = "evwatch.fetcher")
public interface FetcherConfig {

    Inbox inbox();

    interface Inbox {
        /** Whether the inbox directory is watched. */
        @WithDefault("true")
        boolean enabled();

        /** The directory to watch; files dropped here are read, then moved to processed/ or rejected/. */
        @WithDefault(".runtime/inbox")
        Path dir();

        /** How often the directory is scanned. */
        @WithDefault("1s")
        Duration interval();

        /** The watch id given to records that arrive through the inbox. */
        @WithDefault("inbox")
        String watchId();

        /** How long to wait for Kafka to acknowledge the records of one file. */
        @WithDefault("30s")
        Duration sendTimeout();
    }
}
