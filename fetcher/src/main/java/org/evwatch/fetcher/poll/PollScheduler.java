package org.evwatch.fetcher.poll;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.fetcher.config.FetchConfig;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Polls every switched-on source on the configured schedule. Each source runs on its own task, so a slow or failing
 * source never holds up the others.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final SourceRegistry registry;
    private final Poller poller;
    private final ExecutorService executor;

    public PollScheduler(SourceRegistry registry, Poller poller, FetchConfig config) {
        this.registry = registry;
        this.poller = poller;
        this.executor = Executors.newFixedThreadPool(Math.max(1, config.poll().threads()),
                r -> new Thread(r, "evwatch-poll"));
    }

    @Scheduled(every = "${evwatch.fetch.poll.every:30m}", delayed = "${evwatch.fetch.poll.delay:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollAll() {
        for (SourceRegistry.Entry entry : registry.entries()) {
            if (entry.enabled()) {
                trigger(entry.name());
            }
        }
    }

    /** Starts a poll of one source in the background; a source already being polled is left alone. */
    public void trigger(String source) {
        executor.submit(() -> {
            try {
                Poller.Report report = poller.poll(source);
                if (report.ran()) {
                    LOG.infof("poll of %s: %s", source, report.watches());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "poll of %s failed", source);
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
