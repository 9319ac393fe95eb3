package org.evwatch.fetcher.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The stored jobs of one kind (backfills, replays), so that a running one survives a restart, each shown as a view of
 * its progress. One fetcher instance works on a job at a time, under its lease ({@code KIND/ID}, see
 * {@link SourceLeases}); a step done is stored only under that lease.
 *
 * @param <E> the job's row
 * @param <V> what the admin API shows of it
 */
public abstract class LeasedJobStore<E extends LeasedJob, V> {

    private final EntityManager em;
    private final SourceLeases leases;
    private final Class<E> type;
    private final Enum<?> runningState;

    protected LeasedJobStore(EntityManager em, SourceLeases leases, Class<E> type, Enum<?> runningState) {
        this.em = em;
        this.leases = leases;
        this.type = type;
        this.runningState = runningState;
    }

    /** For the container's proxy of a store, which hands every call to the store itself. */
    protected LeasedJobStore() {
        this(null, null, null, null);
    }

    /** What the admin API shows of a job. */
    protected abstract V view(E job);

    @Transactional
    public Optional<V> find(long id) {
        return Optional.ofNullable(em.find(type, id)).map(this::view);
    }

    /** The jobs still running, oldest first: after a restart, nobody works on them until they are picked up. */
    @Transactional
    public List<V> running() {
        return em.createQuery("from " + type.getSimpleName() + " where state = ?1 order by id", type)
                .setParameter(1, runningState).getResultStream().map(this::view).toList();
    }

    /** Notes why a job stopped; it stays running, to be resumed. */
    @Transactional
    public void failed(long id, String error) {
        em.createQuery("update " + type.getSimpleName() + " set lastError = ?1, updatedAt = ?2 where id = ?3")
                .setParameter(1, error).setParameter(2, Instant.now()).setParameter(3, id).executeUpdate();
    }

    /**
     * Renews the lease before a step of the job is stored.
     *
     * @throws SourceLeases.LeaseLostException when another instance works on the job now
     */
    protected void renew(SourceLeases.Lease lease) {
        leases.renew(lease);
    }

    protected EntityManager em() {
        return em;
    }
}
