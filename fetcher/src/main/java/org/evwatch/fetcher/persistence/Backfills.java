package org.evwatch.fetcher.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Backfills and their progress; one instance works on a backfill under its lease {@code backfill/ID}. */
@ApplicationScoped
public class Backfills extends LeasedJobStore<Backfill, Backfills.View> {

    public Backfills(EntityManager em, SourceLeases leases) {
        super(em, leases, Backfill.class, Backfill.State.RUNNING);
    }

    /**
     * A backfill's progress.
     *
     * @param estimatedRemaining records still to come, extrapolated from the days done so far; null before the
     *        first window completes
     */
    public record View(long id, String source, String watchId, LocalDate from, LocalDate to, LocalDate nextDay,
            Backfill.State state, long seen, long sent, Long estimatedRemaining, String lastError,
            Instant createdAt, Instant updatedAt) {
    }

    @Transactional
    public View start(String source, String watchId, LocalDate from, LocalDate to, Instant now) {
        Backfill b = new Backfill();
        b.source = source;
        b.watchId = watchId;
        b.fromDay = from;
        b.toDay = to;
        b.nextDay = from;
        b.state = Backfill.State.RUNNING;
        b.createdAt = now;
        b.updatedAt = now;
        b.persist();
        return view(b);
    }

    /**
     * Records a completed window: the backfill resumes after {@code through}, or is done. Single-statement updates,
     * so that a cancel arriving meanwhile is never overwritten.
     *
     * @throws SourceLeases.LeaseLostException when another instance works on the backfill now: nothing is written
     */
    @Transactional
    public void windowDone(SourceLeases.Lease lease, long id, LocalDate through, long seen, long sent, Instant now) {
        renew(lease);
        Backfill.update("seen = seen + ?1, sent = sent + ?2, nextDay = ?3, lastError = null, updatedAt = ?4 "
                + "where id = ?5", seen, sent, through.plusDays(1), now, id);
        Backfill.update("state = ?1 where id = ?2 and state = ?3 and nextDay > toDay", Backfill.State.DONE, id,
                Backfill.State.RUNNING);
    }

    /** Cancels a running backfill; returns its state afterwards, or empty when there is no such backfill. */
    @Transactional
    public Optional<View> cancel(long id, Instant now) {
        Backfill.update("state = ?1, updatedAt = ?2 where id = ?3 and state = ?4", Backfill.State.CANCELLED, now, id,
                Backfill.State.RUNNING);
        return find(id);
    }

    @Transactional
    public List<View> forSource(String source) {
        List<Backfill> all = Backfill.list("source = ?1 order by id desc", source);
        return all.stream().map(this::view).toList();
    }

    @Override
    protected View view(Backfill b) {
        long total = ChronoUnit.DAYS.between(b.fromDay, b.toDay) + 1;
        long done = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(b.fromDay, b.nextDay)));
        Long remaining = done == 0 ? null : Math.round((double) b.seen / done * (total - done));
        if (b.state != Backfill.State.RUNNING) {
            remaining = b.state == Backfill.State.DONE ? Long.valueOf(0) : remaining;
        }
        return new View(b.id, b.source, b.watchId, b.fromDay, b.toDay, b.nextDay, b.state, b.seen, b.sent,
                remaining, b.lastError, b.createdAt, b.updatedAt);
    }
}
