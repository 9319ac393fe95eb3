package org.evwatch.indexer.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.indexer.merge.PaperMerger;
import org.evwatch.indexer.merge.RecordVersions;
import org.evwatch.indexer.outbox.Outbox;
import org.hibernate.Session;

/**
 * Stores source records and keeps one merged paper per real paper.
 * <p>
 * Idempotent: a record already held (a redelivery, a replay of the whole topic) or older than the version held
 * changes nothing and announces nothing. A newer extraction of a record held (a replay for a new extractor) is
 * announced only when it changes what readers see of the paper ({@link VisibleContent}). Which version of a source record is current is decided by the record's
 * own times ({@link RecordVersions}), and the merged paper is a pure function of the set of current records
 * ({@link PaperMerger}), so arrival order never decides the outcome.
 * <p>
 * Records are written in batches, in one transaction with one statement per table for the whole batch
 * ({@link CatalogBatch}); the outcome is the one writing them one at a time, in order, would give. The transaction
 * commits when {@link #record} returns, with the outbox rows announcing the change, before the caller indexes
 * anything. Only {@link #record} is public: nothing writes to the catalog without announcing what it changed.
 */
@ApplicationScoped
public class CatalogService {

    private final EntityManager em;

    public CatalogService(EntityManager em) {
        this.em = em;
    }

    /**
     * What one record did to the catalog: the paper version it made, as JSON too (the bytes the catalog and the outbox
     * hold), and the key of the record (its paper key on papers.extracted).
     */
    public record Outcome(PaperIndexed indexed, String json, long changeSeq, List<String> removedPaperIds,
            String recordKey) {
    }

    /**
     * Writes the records, in order, and the announcements of what they changed, in one transaction: the catalog
     * change and the outbox rows that announce it on {@code papers.indexed} commit together or not at all.
     */
    @Transactional
    public List<Outcome> record(List<PaperExtracted> records) {
        List<Outcome> outcomes = upsertAll(records);
        // The announcement JSON written once, for the paper row and the outbox alike.
        List<Outbox.Pending> announcements = outcomes.stream().map(o -> new Outbox.Pending(0, o.indexed().paperId(),
                o.indexed().version(), o.json().getBytes(StandardCharsets.UTF_8))).toList();
        em.unwrap(Session.class).doWork(connection -> Outbox.addWritten(connection, announcements));
        return outcomes;
    }

    /** Writes one record, without its announcement: a batch of one. For tests that compare with a whole batch. */
    @Transactional
    Optional<Outcome> upsert(PaperExtracted record) {
        return upsertAll(List.of(record)).stream().findFirst();
    }

    /**
     * Writes the records, in order, in one transaction. Returns the new paper versions they made, in record order:
     * at most one per record, none for a record that changed nothing. Two records of the batch may change the same
     * paper: each of its versions is returned.
     */
    @Transactional
    List<Outcome> upsertAll(List<PaperExtracted> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> CatalogBatch.write(connection, records));
    }
}
