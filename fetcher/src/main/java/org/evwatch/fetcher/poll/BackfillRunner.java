package org.evwatch.fetcher.poll;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.persistence.Backfill;
import org.evwatch.fetcher.persistence.Backfills;
import org.evwatch.fetcher.persistence.SourceLeases;
import org.evwatch.fetcher.source.DateWindow;
import org.evwatch.fetcher.watch.Watch;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Runs backfills window by window, each on its own thread. Progress is stored after every window, so a backfill
 * interrupted by a restart resumes where it stopped; one that failed is retried on the next tick.
 */
@ApplicationScoped
public class BackfillRunner {

    private static final Logger LOG = Logger.getLogger(BackfillRunner.class);

    private final Backfills backfills;
    private final SourceRegistry registry;
    private final WindowRunner runner;
    private final Clock clock = Clock.systemUTC();
    private final LeasedJobs jobs;
    private final Map<Long, Boolean> cancelled = new ConcurrentHashMap<>();

    public BackfillRunner(Backfills backfills, SourceRegistry registry, WindowRunner runner, FetchConfig config,
            SourceLeases leases) {
        this.backfills = backfills;
        this.registry = registry;
        this.runner = runner;
        this.jobs = new LeasedJobs("backfill", leases, config.poll().lease(), Executors.newFixedThreadPool(
                Math.max(1, config.poll().threads()), r -> new Thread(r, "evwatch-backfill")), this::run);
    }

    /** Starts a backfill of a windowed source over whole days, {@code from} to {@code to} included. */
    public Backfills.View start(String source, String watchId, LocalDate from, LocalDate to) {
        SourceRegistry.Entry entry = registry.find(source)
                .orElseThrow(() -> new IllegalArgumentException("no source named " + source));
        if (!entry.source().windowed()) {
            throw new IllegalArgumentException(source + " has no date query and cannot be backfilled");
        }
        if (registry.watch(watchId).isEmpty()) {
            throw new IllegalArgumentException("no watch named " + watchId);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a backfill needs from <= to, got " + from + ".." + to);
        }
        Backfills.View view = backfills.start(source, watchId, from, to, clock.instant());
        jobs.submit(view.id());
        return view;
    }

    public java.util.Optional<Backfills.View> cancel(long id) {
        cancelled.put(id, true);
        return backfills.cancel(id, clock.instant());
    }

    /** Picks up running backfills nobody is working on: after a restart, or after a failed window. */
    @Scheduled(every = "${evwatch.fetch.backfill.resume-every:1m}", delayed = "${evwatch.fetch.backfill.resume-delay:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeRunning() {
        jobs.resume(backfills.running().stream().map(Backfills.View::id).toList());
    }

    private void run(long id, SourceLeases.Lease held) {
        while (true) {
            Backfills.View b = backfills.find(id).orElse(null);
            if (b == null || b.state() != Backfill.State.RUNNING || cancelled.containsKey(id)) {
                return;
            }
            SourceRegistry.Entry entry = registry.find(b.source()).orElse(null);
            Watch watch = registry.watch(b.watchId()).orElse(null);
            if (entry == null || watch == null) {
                backfills.failed(id, "source or watch no longer configured");
                return;
            }
            LocalDate to = b.nextDay().plusDays(entry.windowDays() - 1L);
            if (to.isAfter(b.to())) {
                to = b.to();
            }
            DateWindow window = new DateWindow(b.nextDay(), to);
            try {
                WindowRunner.Outcome outcome = runner.run(entry.source(), watch, window,
                        () -> cancelled.containsKey(id));
                backfills.windowDone(held, id, to, outcome.seen(), outcome.sent(), clock.instant());
            } catch (CancellationException e) {
                return;
            } catch (SourceLeases.LeaseLostException e) {
                throw e;
            } catch (FetchException | WindowRunner.NotAcknowledgedException | RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                LOG.warnf("backfill %d of %s stopped at %s: %s", id, b.source(), window, message);
                backfills.failed(id, message);
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        jobs.stop();
    }
}
