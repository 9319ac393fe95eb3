package org.evwatch.fetcher.persistence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.evwatch.events.PaperFetched;
import org.evwatch.events.serde.EventJson;

/**
 * Replays of the sent records to papers.fetched and their progress, and the records a page at a time in key order.
 * One instance works on a replay under its lease {@code replay/ID}.
 */
@ApplicationScoped
public class Replays extends LeasedJobStore<Replay, Replays.View> {

    public Replays(EntityManager em, SourceLeases leases) {
        super(em, leases, Replay.class, Replay.State.RUNNING);
    }

    /**
     * A replay's progress: {@code done} of {@code total} records handled, of which {@code sent} were sent again and
     * {@code missing} had no stored copy (sent before copies were kept).
     */
    public record View(long id, Replay.State state, long total, long done, long sent, long missing,
            String lastError, Instant createdAt, Instant updatedAt) {
    }

    /** One stored record: its key, and the record as last sent (null when no copy was kept). */
    public record Stored(String source, String recordId, PaperFetched record) {
    }

    /** Starts a replay of every stored record, or gives the one running: there is never more than one. */
    @Transactional
    public View start() {
        em().createNativeQuery("""
                insert into {h-schema}replay (state, total, sent, missing, created_at, updated_at)
                select 'RUNNING', count(*), 0, 0, now(), now() from {h-schema}sent_record
                on conflict ((true)) where state = 'RUNNING' do nothing""").executeUpdate();
        return running().get(0);
    }

    /** Where a running replay resumes: after this record's key; empty for one that has not sent a page yet. */
    @Transactional
    public Optional<Stored> resumeAfter(long id) {
        return Replay.<Replay>findByIdOptional(id).filter(r -> r.afterSource != null)
                .map(r -> new Stored(r.afterSource, r.afterRecordId, null));
    }

    /** The records after the given key (null: from the first), in key order, at most {@code limit}. */
    @Transactional
    public List<Stored> page(String afterSource, String afterRecordId, int limit) {
        List<?> rows = em().createNativeQuery("""
                select source, record_id, record from {h-schema}sent_record
                where (source, record_id) > (?1, ?2)
                order by source, record_id limit ?3""").setParameter(1, afterSource == null ? "" : afterSource)
                .setParameter(2, afterRecordId == null ? "" : afterRecordId).setParameter(3, limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Stored((String) r[0], (String) r[1],
                r[2] == null
                        ? null
                        : EventJson.read(((String) r[2]).getBytes(StandardCharsets.UTF_8),
                                PaperFetched.class)))
                .toList();
    }

    /**
     * Records a page Kafka acknowledged: the replay resumes after its last record.
     *
     * @throws SourceLeases.LeaseLostException when another instance works on the replay now: nothing is written
     */
    @Transactional
    public void pageDone(SourceLeases.Lease lease, long id, Stored last, long sent, long missing) {
        renew(lease);
        em().createNativeQuery("""
                update {h-schema}replay set sent = sent + ?1, missing = missing + ?2,
                    total = greatest(total, sent + missing + ?1 + ?2), after_source = ?3, after_record_id = ?4,
                    last_error = null, updated_at = now()
                where id = ?5""").setParameter(1, sent).setParameter(2, missing).setParameter(3, last.source())
                .setParameter(4, last.recordId()).setParameter(5, id).executeUpdate();
    }

    /** Marks the replay done: every stored record was handled. */
    @Transactional
    public void finished(SourceLeases.Lease lease, long id) {
        renew(lease);
        Replay.update("state = ?1, total = sent + missing, updatedAt = ?2 where id = ?3 and state = ?4",
                Replay.State.DONE, Instant.now(), id, Replay.State.RUNNING);
    }

    /** The newest replays first, at most {@code limit}. */
    @Transactional
    public List<View> latest(int limit) {
        List<Replay> all = Replay.find("order by id desc").page(0, limit).list();
        return all.stream().map(this::view).toList();
    }

    @Override
    protected View view(Replay r) {
        return new View(r.id, r.state, r.total, r.sent + r.missing, r.sent, r.missing, r.lastError, r.createdAt,
                r.updatedAt);
    }
}
