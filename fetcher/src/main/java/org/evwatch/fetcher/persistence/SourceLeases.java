package org.evwatch.fetcher.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.evwatch.fetcher.config.FetcherConfig;

/**
 * Leases on sources (and on backfills, named {@code backfill/ID}), so that several fetcher instances share the
 * polling and no two poll one source at once. A lease is taken when it is free, expired, or held under this
 * instance's own name (a restarted instance takes its sources back at once); it is renewed with every cursor write of
 * its holder ({@link Cursors}) and given back when the poll ends. Each taking gets a higher fencing token; a write
 * under an older token is refused. Times are the database's, the one clock every instance shares.
 */
@ApplicationScoped
public class SourceLeases {

    /** A lease held: on which source, by whom, under which fencing token, for how long each renewal lasts. */
    public record Lease(String source, String holder, long token, Duration ttl) {
    }

    /** Thrown when the holder of a lease finds it taken by another instance: it must stop working on the source. */
    public static class LeaseLostException extends RuntimeException {
        public LeaseLostException(Lease lease) {
            super("the lease on " + lease.source() + " (token " + lease.token() + ") was taken by another instance");
        }
    }

    private final EntityManager em;
    /** This instance's name on the leases it holds: it takes back a lease under this name at once. */
    private final String self;

    public SourceLeases(EntityManager em, FetcherConfig config) {
        this.em = em;
        this.self = config.instance().or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                .filter(name -> !name.isBlank()).orElse("fetcher");
    }

    /** The name this instance holds leases under. */
    public String self() {
        return self;
    }

    /** The source's lease for {@code ttl}, if no other holder has an unexpired one. */
    @Transactional
    public Optional<Lease> acquire(String source, String holder, Duration ttl) {
        List<?> token = em.createNativeQuery("""
                insert into {h-schema}source_lease as l (source, holder, token, expires_at)
                values (?1, ?2, 1, now() + ?3 * interval '1 millisecond')
                on conflict (source) do update
                    set holder = excluded.holder, token = l.token + 1, expires_at = excluded.expires_at
                    where l.expires_at < now() or l.holder = excluded.holder
                returning token""").setParameter(1, source).setParameter(2, holder)
                .setParameter(3, ttl.toMillis()).getResultList();
        return token.isEmpty()
                ? Optional.empty()
                : Optional.of(new Lease(source, holder, ((Number) token.get(0)).longValue(), ttl));
    }

    /**
     * Renews the lease, joining the caller's transaction (so the caller's writes commit only under it).
     *
     * @throws LeaseLostException when another instance holds the source now
     */
    @Transactional
    public void renew(Lease lease) {
        int renewed = em.createNativeQuery("""
                update {h-schema}source_lease set expires_at = now() + ?4 * interval '1 millisecond'
                where source = ?1 and holder = ?2 and token = ?3""").setParameter(1, lease.source())
                .setParameter(2, lease.holder()).setParameter(3, lease.token()).setParameter(4, lease.ttl().toMillis())
                .executeUpdate();
        if (renewed == 0) {
            throw new LeaseLostException(lease);
        }
    }

    /** Gives the lease back: the source is free for any instance at once. */
    @Transactional
    public void release(Lease lease) {
        em.createNativeQuery("""
                update {h-schema}source_lease set expires_at = now() - interval '1 millisecond'
                where source = ?1 and holder = ?2 and token = ?3""").setParameter(1, lease.source())
                .setParameter(2, lease.holder()).setParameter(3, lease.token()).executeUpdate();
    }

    /** The holder of the source's unexpired lease, if any. */
    @Transactional
    public Optional<String> heldBy(String source) {
        List<?> holder = em.createNativeQuery(
                "select holder from {h-schema}source_lease where source = ?1 and expires_at >= now()")
                .setParameter(1, source).getResultList();
        return holder.stream().map(Object::toString).findFirst();
    }
}
