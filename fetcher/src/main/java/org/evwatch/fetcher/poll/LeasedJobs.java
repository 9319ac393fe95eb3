package org.evwatch.fetcher.poll;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

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
    private final Set<Long> active = ConcurrentHashMap.newKeySet();

    public LeasedJobs(String kind, SourceLeases leases, Duration ttl, ExecutorService executor) {
        this.kind = kind;
        this.leases = leases;
        this.ttl = ttl;
        this.executor = executor;
    }

    /** Runs the job unless it runs here already; it does nothing when another instance holds its lease. */
    public void submit(long id, Consumer<SourceLeases.Lease> job) {
        if (active.add(id)) {
            executor.submit(() -> {
                try {
                    runLeased(id, job);
                } finally {
                    active.remove(id);
                }
            });
        }
    }

    private void runLeased(long id, Consumer<SourceLeases.Lease> job) {
        Optional<SourceLeases.Lease> held = leases.acquire(kind + "/" + id, leases.self(), ttl);
        if (held.isEmpty()) {
            return;
        }
        try {
            job.accept(held.get());
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
