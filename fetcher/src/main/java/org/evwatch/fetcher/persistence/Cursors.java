package org.evwatch.fetcher.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Reads and moves the per-source cursors, and keeps each source's last success and last error. Polls write under the
 * source's lease ({@link SourceLeases}): a write renews it, and is refused when another instance holds it now.
 */
@ApplicationScoped
public class Cursors {

    private final SourceLeases leases;

    public Cursors(SourceLeases leases) {
        this.leases = leases;
    }

    /** A cursor as the rest of the fetcher sees it. */
    public record View(String source, String watchId, LocalDate completedThrough, Instant lastSuccessAt,
            String lastError, Instant lastErrorAt, long recordsSent) {
    }

    @Transactional
    public Optional<LocalDate> completedThrough(String source, String watchId) {
        SourceCursor c = SourceCursor.findById(new SourceCursor.Key(source, watchId));
        return c == null ? Optional.empty() : Optional.ofNullable(c.completedThrough);
    }

    /**
     * Records a window whose records are all acknowledged. The cursor only moves forward, and only when
     * {@code completedThrough} is given (an open window, still receiving papers, does not move it).
     *
     * @throws SourceLeases.LeaseLostException when another instance holds the source's lease now: nothing is written
     */
    @Transactional
    public void windowDone(SourceLeases.Lease lease, String watchId, LocalDate completedThrough, long sent,
            Instant at) {
        leases.renew(lease);
        SourceCursor c = load(lease.source(), watchId);
        if (completedThrough != null
                && (c.completedThrough == null || completedThrough.isAfter(c.completedThrough))) {
            c.completedThrough = completedThrough;
        }
        c.recordsSent += sent;
        c.lastSuccessAt = at;
        c.persist();
    }

    /** Records a failed poll, under the lease (see {@link #windowDone}). */
    @Transactional
    public void failed(SourceLeases.Lease lease, String watchId, String error, Instant at) {
        leases.renew(lease);
        SourceCursor c = load(lease.source(), watchId);
        c.lastError = error;
        c.lastErrorAt = at;
        c.persist();
    }

    @Transactional
    public List<View> forSource(String source) {
        List<SourceCursor> all = SourceCursor.list("key.source", source);
        return all.stream()
                .map(c -> new View(c.key.source, c.key.watchId, c.completedThrough, c.lastSuccessAt, c.lastError,
                        c.lastErrorAt, c.recordsSent))
                .toList();
    }

    private static SourceCursor load(String source, String watchId) {
        SourceCursor c = SourceCursor.findById(new SourceCursor.Key(source, watchId));
        if (c == null) {
            c = new SourceCursor();
            c.key = new SourceCursor.Key(source, watchId);
        }
        return c;
    }
}
