package org.evwatch.fetcher.poll;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.persistence.Cursors;
import org.evwatch.fetcher.persistence.SourceLeases;
import org.evwatch.fetcher.source.DateWindow;
import org.evwatch.fetcher.watch.Watch;
import org.jboss.logging.Logger;

/**
 * An incremental poll of one source: from the day after its cursor to today, window by window. A window moves the
 * cursor only once every record is acknowledged and only when its days are settled; a failure stops the source's
 * poll (its window is retried on the next one) and is recorded as the source's last error. A poll runs under the
 * source's lease ({@link SourceLeases}): with several fetcher instances, one polls a source while the others pass
 * it over, and one that loses the lease mid-poll stops.
 */
@ApplicationScoped
public class Poller {

    private static final Logger LOG = Logger.getLogger(Poller.class);

    /** What one poll did for one watch. */
    public record WatchReport(String watchId, int windows, long seen, long sent, LocalDate cursor, String error) {
    }

    public record Report(String source, boolean ran, List<WatchReport> watches) {
    }

    private final SourceRegistry registry;
    private final WindowRunner runner;
    private final Cursors cursors;
    private final FetchConfig.Poll config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final SourceLeases leases;

    public Poller(SourceRegistry registry, WindowRunner runner, Cursors cursors, FetchConfig config,
            SourceLeases leases) {
        this.leases = leases;
        this.registry = registry;
        this.runner = runner;
        this.cursors = cursors;
        this.config = config.poll();
    }

    public boolean isPolling(String source) {
        ReentrantLock lock = locks.get(source);
        return lock != null && lock.isLocked();
    }

    /**
     * Polls a source now; when it is already being polled, here or by another instance, returns at once with
     * {@code ran = false}.
     */
    public Report poll(String sourceName) {
        SourceRegistry.Entry entry = registry.find(sourceName)
                .orElseThrow(() -> new IllegalArgumentException("no source named " + sourceName));
        ReentrantLock lock = locks.computeIfAbsent(sourceName, s -> new ReentrantLock());
        if (!lock.tryLock()) {
            return new Report(sourceName, false, List.of());
        }
        try {
            Optional<SourceLeases.Lease> lease = leases.acquire(sourceName, leases.self(), config.lease());
            if (lease.isEmpty()) {
                return new Report(sourceName, false, List.of());
            }
            try {
                return new Report(sourceName, true, pollWatches(entry, lease.get()));
            } finally {
                leases.release(lease.get());
            }
        } finally {
            lock.unlock();
        }
    }

    private List<WatchReport> pollWatches(SourceRegistry.Entry entry, SourceLeases.Lease lease) {
        List<WatchReport> reports = new ArrayList<>();
        for (Watch watch : registry.watches()) {
            try {
                reports.add(pollWatch(entry, watch, lease));
            } catch (SourceLeases.LeaseLostException e) {
                LOG.warnf("poll of %s stopped: %s", entry.name(), e.getMessage());
                reports.add(new WatchReport(watch.id(), 0, 0, 0, null, e.getMessage()));
                break;
            }
        }
        return reports;
    }

    /**
     * The windows from {@code from} to {@code today}, {@code windowDays} long, with a cut after {@code settled} so
     * that the settled days form windows of their own and the cursor can move past them.
     */
    static List<DateWindow> plan(LocalDate from, LocalDate today, int windowDays, LocalDate settled) {
        List<DateWindow> windows = new ArrayList<>();
        LocalDate start = from;
        while (!start.isAfter(today)) {
            LocalDate end = start.plusDays(windowDays - 1L);
            if (end.isAfter(today)) {
                end = today;
            }
            if (!start.isAfter(settled) && end.isAfter(settled)) {
                end = settled;
            }
            windows.add(new DateWindow(start, end));
            start = end.plusDays(1);
        }
        return windows;
    }

    private WatchReport pollWatch(SourceRegistry.Entry entry, Watch watch, SourceLeases.Lease lease) {
        String name = entry.name();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate settled = today.minusDays(config.settleDays());
        LocalDate from = cursors.completedThrough(name, watch.id()).map(d -> d.plusDays(1))
                .orElse(today.minusDays(config.initialLookbackDays()));
        int windows = 0;
        long seen = 0;
        long sent = 0;
        if (!entry.source().windowed()) {
            from = today;
        }
        try {
            for (DateWindow window : plan(from, today, entry.windowDays(), settled)) {
                WindowRunner.Outcome outcome = runner.run(entry.source(), watch, window, () -> false);
                boolean complete = entry.source().windowed() && !window.to().isAfter(settled);
                cursors.windowDone(lease, watch.id(), complete ? window.to() : null, outcome.sent(), clock.instant());
                windows++;
                seen += outcome.seen();
                sent += outcome.sent();
                from = window.to().plusDays(1);
            }
            return new WatchReport(watch.id(), windows, seen, sent,
                    cursors.completedThrough(name, watch.id()).orElse(null), null);
        } catch (FetchException | WindowRunner.NotAcknowledgedException | RuntimeException e) {
            if (e instanceof CancellationException || e instanceof SourceLeases.LeaseLostException) {
                throw (RuntimeException) e;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warnf("poll of %s for watch %s stopped at %s: %s", name, watch.id(), from, message);
            cursors.failed(lease, watch.id(), message, clock.instant());
            return new WatchReport(watch.id(), windows, seen, sent,
                    cursors.completedThrough(name, watch.id()).orElse(null), message);
        }
    }
}
