package org.evwatch.fetcher.inbox;

import jakarta.inject.Singleton;

import org.evwatch.fetcher.config.FetcherConfig;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Skips inbox scans when the inbox is switched off in configuration. */
@Singleton
public class InboxDisabled implements Scheduled.SkipPredicate {

    private final FetcherConfig config;

    public InboxDisabled(FetcherConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.inbox().enabled();
    }
}
