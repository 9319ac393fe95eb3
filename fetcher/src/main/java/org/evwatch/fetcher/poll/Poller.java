package org.evwatch.fetcher.poll;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.persistence.Cursors;
import org.evwatch.fetcher.source.DateWindow;
import org.evwatch.fetcher.watch.Watch;
import org.jboss.logging.Logger;

/**
 * An incremental poll of one source: from the day after its cursor to today, window by window. A window moves the
 * cursor only once every record is acknowledged and only when its days are settled; a failure stops the source's
 * poll (its window is retried on the next one) and is recorded as the source's last error.
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

    public Poller(SourceRegistry registry, WindowRunner runner, Cursors cursors, FetchConfig config) {
        this.registry = registry;
        this.runner = runner;
        this.cursors = cursors;
        this.config = config.poll();
    }

    public boolean isPolling(String source) {
        ReentrantLock lock = locks.get(source);
        return lock != null && lock.isLocked();
    }

    /** Polls a source now; when it is already being polled, returns at once with {@code ran = false}. */
    public Report poll(String sourceName) {
        SourceRegistry.Entry entry = registry.find(sourceName)
                .orElseThrow(() -> new IllegalArgumentException("no source named " + sourceName));
        ReentrantLock lock = locks.computeIfAbsent(sourceName, s -> new ReentrantLock());
        if (!lock.tryLock()) {
            return new Report(sourceName, false, List.of());
        }
        try {
            List<WatchReport> reports = new ArrayList<>();
            for (Watch watch : registry.watches()) {
                reports.add(pollWatch(entry, watch));
            }
            return new Report(sourceName, true, reports);
        } finally {
            lock.unlock();
        }
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

    private WatchReport pollWatch(SourceRegistry.Entry entry, Watch watch) {
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
                cursors.windowDone(name, watch.id(), complete ? window.to() : null, outcome.sent(), clock.instant());
                windows++;
                seen += outcome.seen();
                sent += outcome.sent();
                from = window.to().plusDays(1);
            }
            return new WatchReport(watch.id(), windows, seen, sent,
                    cursors.completedThrough(name, watch.id()).orElse(null), null);
        } catch (FetchException | WindowRunner.NotAcknowledgedException | RuntimeException e) {
            if (e instanceof CancellationException) {
                throw (CancellationException) e;
            }
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warnf("poll of %s for watch %s stopped at %s: %s", name, watch.id(), from, message);
            cursors.failed(name, watch.id(), message, clock.instant());
            return new WatchReport(watch.id(), windows, seen, sent,
                    cursors.completedThrough(name, watch.id()).orElse(null), message);
        }
    }
}
