package org.evwatch.indexer.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.catalog.CatalogService.Outcome;
import org.evwatch.indexer.merge.IdentityKeys;
import org.evwatch.indexer.merge.MergedPaper;
import org.evwatch.indexer.merge.PaperMerger;
import org.evwatch.indexer.merge.RecordVersions;

/**
 * Writes a batch of source records: each record is placed in order against the catalog as the records before it
 * left it ({@link PendingCatalog}), then every table is written once for the whole batch ({@link CatalogWriter}).
 * The outcome is the one writing the records one by one, in the same order, would give.
 */
final class CatalogBatch {

    /** A new version of a paper, numbered once the batch is placed. */
    private record Change(PaperIndexed indexed, String json, PaperState paper, List<String> removedPaperIds,
            String recordKey) {
    }

    private final CatalogReads reads;
    private final PendingCatalog pending;
    private final List<Change> changes = new ArrayList<>();

    private CatalogBatch(CatalogReads reads) {
        this.reads = reads;
        this.pending = new PendingCatalog(reads);
    }

    /** Writes the records in the connection's transaction; returns the new paper versions in record order. */
    static List<Outcome> write(Connection connection, List<PaperExtracted> records) throws SQLException {
        CatalogReads reads = new CatalogReads(connection);
        reads.lock();
        reads.prefetch(records);
        CatalogBatch batch = new CatalogBatch(reads);
        for (PaperExtracted record : records) {
            // The database keeps microseconds: the same instant in memory and in the row.
            batch.place(record, Instant.now().truncatedTo(ChronoUnit.MICROS));
        }
        List<Outcome> outcomes = batch.number();
        new CatalogWriter(connection).write(batch.pending);
        return outcomes;
    }

    /** Stores one record and, when it changes its paper, the paper's new version. */
    private void place(PaperExtracted record, Instant now) throws SQLException {
        SourceState held = pending.held(record);
        if (held != null && RecordVersions.newer(held.record(), record) == held.record()) {
            // The same record again, or an older version of it: nothing to do.
            return;
        }
        Set<String> candidates = new TreeSet<>(pending.papersWithAnyKey(IdentityKeys.lookup(record.paper())));
        if (held != null) {
            candidates.add(held.paperId);
        }
        boolean created = candidates.isEmpty();
        List<String> removed = new ArrayList<>();
        PaperState target = created
                ? pending.create(freeId(record), now)
                : mergeCandidates(candidates, removed);
        pending.store(record, held, target, now);

        MergedPaper merged = PaperMerger.merge(pending.recordsOf(target.id).stream().map(SourceState::record)
                .toList());
        List<PaperIndexed.EntityCount> counts = merged.entities().stream()
                .map(e -> new PaperIndexed.EntityCount(e.type(), e.id(), e.name(), e.mentions().size())).toList();
        String hash = hash(target.id, merged, counts);
        if (!created && removed.isEmpty() && hash.equals(target.mergedHash)) {
            // A newer version of a record that changes nothing in the merged paper: stored, not announced.
            return;
        }
        if (!created && removed.isEmpty() && VisibleContent.same(target.id, merged, counts, target.mergedJson)) {
            // A re-extraction that changes only what no reader sees (where entities are mentioned, their
            // cross-references): the catalog takes it under the same version, and nobody is told.
            target.mergedHash = hash;
            pending.changed(target, merged, target.mergedJson);
            return;
        }
        target.version++;
        target.updatedAt = now;
        target.mergedHash = hash;
        PaperIndexed indexed = new PaperIndexed(PaperIndexed.SCHEMA_VERSION, target.id,
                created ? PaperIndexed.Change.CREATED : PaperIndexed.Change.UPDATED, target.version, now,
                merged.paper(), counts, merged.summary(), merged.sources());
        String json = EventJson.writeString(indexed);
        pending.changed(target, merged, json);
        changes.add(new Change(indexed, json, target, removed, record.paperKey()));
    }

    /** The oldest candidate takes in the others; their ids go to {@code removed}. */
    private PaperState mergeCandidates(Set<String> candidates, List<String> removed) throws SQLException {
        List<PaperState> papers = pending.papers(candidates).stream()
                .sorted(Comparator.comparing((PaperState p) -> p.createdAt).thenComparing(p -> p.id)).toList();
        PaperState target = papers.get(0);
        for (PaperState other : papers.subList(1, papers.size())) {
            pending.absorb(target, other);
            removed.add(other.id);
        }
        return target;
    }

    /** The record's own key as the new paper's id, unless a paper or an alias already has it. */
    private String freeId(PaperExtracted record) throws SQLException {
        String id = record.paperKey();
        if (id.length() > 250 || pending.idTaken(id)) {
            id = "paper:" + PaperKeys.sha256(RecordVersions.recordKey(record)).substring(0, 24);
        }
        return id;
    }

    /** A digest of the merged content alone, so that a version that changes nothing is recognised. */
    private static String hash(String paperId, MergedPaper merged, List<PaperIndexed.EntityCount> counts) {
        return VisibleContent.digest(paperId, merged, counts);
    }

    /** Gives every change its change number, in record order; a paper keeps the number of its last change. */
    private List<Outcome> number() throws SQLException {
        long[] seqs = reads.nextChangeSeqs(changes.size());
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        for (int i = 0; i < seqs.length; i++) {
            Change change = changes.get(i);
            change.paper().changeSeq = seqs[i];
            outcomes.add(new Outcome(change.indexed(), change.json(), seqs[i], change.removedPaperIds(),
                    change.recordKey()));
        }
        return outcomes;
    }
}
