package org.evwatch.fetcher.poll;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import org.evwatch.fetcher.persistence.SourceLeases;
import org.jboss.logging.Logger;

/**
 * Long jobs numbered by id (backfills, replays), each run on an executor at most once at a time in this instance and,
 * across instances, only by the holder of its lease ({@code KIND/ID}, see {@link SourceLeases}).
 */
public final class LeasedJobs {

    private static final Logger LOG = Logger.getLogger(LeasedJobs.class);

    private final String kind;
    private final SourceLeases leases;
    private final Duration ttl;
    private final ExecutorService executor;
    private final Job job;
    private final Set<Long> active = ConcurrentHashMap.newKeySet();

    /** The work on one job, under its lease: until it is done, or stops to be resumed. */
    @FunctionalInterface
    public interface Job {
        void run(long id, SourceLeases.Lease held);
    }

    public LeasedJobs(String kind, SourceLeases leases, Duration ttl, ExecutorService executor, Job job) {
        this.kind = kind;
        this.leases = leases;
        this.ttl = ttl;
        this.executor = executor;
        this.job = job;
    }

    /** Runs the job unless it runs here already; it does nothing when another instance holds its lease. */
    public void submit(long id) {
        if (active.add(id)) {
            executor.submit(() -> {
                try {
                    runLeased(id);
                } finally {
                    active.remove(id);
                }
            });
        }
    }

    /** Picks up the running jobs nobody works on here: after a restart, or after a step that failed. */
    public void resume(List<Long> running) {
        running.forEach(this::submit);
    }

    private void runLeased(long id) {
        Optional<SourceLeases.Lease> held = leases.acquire(kind + "/" + id, leases.self(), ttl);
        if (held.isEmpty()) {
            return;
        }
        try {
            job.run(id, held.get());
        } catch (SourceLeases.LeaseLostException e) {
            LOG.warnf("%s %d stopped: %s", kind, id, e.getMessage());
        } finally {
            leases.release(held.get());
        }
    }

    /** Stops the jobs running: each is interrupted. */
    public void stop() {
        executor.shutdownNow();
    }
}
