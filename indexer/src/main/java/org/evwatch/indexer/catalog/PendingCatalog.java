package org.evwatch.indexer.catalog;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.evwatch.events.Entity;
import org.evwatch.events.PaperExtracted;
import org.evwatch.indexer.catalog.CatalogReads.KeyRow;
import org.evwatch.indexer.merge.IdentityKeys;
import org.evwatch.indexer.merge.MergedPaper;

/**
 * The catalog as a batch has changed it so far, over what the database held when the batch began. Each record of a
 * batch is resolved against this view, so it sees the papers, keys and records of the records before it exactly as
 * if each had been written on its own; the tables are then written once for the whole batch.
 */
final class PendingCatalog {

    private final CatalogReads db;
    /** Papers read or created, including the ones merged away. */
    private final Map<String, PaperState> papers = new HashMap<>();
    /** Source records read or written, by record key. */
    private final Map<String, SourceState> records = new HashMap<>();
    /** For each paper whose records were read: all of its records, by record key. */
    private final Map<String, Map<String, SourceState>> recordsByPaper = new HashMap<>();
    /** For each paper whose keys the batch replaced (empty for a paper merged away): its new paper_key rows. */
    private final Map<String, List<KeyRow>> keys = new LinkedHashMap<>();
    /** The same rows, by key. */
    private final Map<String, List<KeyRow>> pendingByKey = new HashMap<>();
    /** Papers merged away, to the paper that took them in, in the order it happened. */
    private final Map<String, String> absorbedInto = new LinkedHashMap<>();
    /** The entities as last written by a paper of the batch. */
    private final Map<String, Entity> entities = new LinkedHashMap<>();

    PendingCatalog(CatalogReads db) {
        this.db = db;
    }

    /** The current version of the record's source record, or null when the catalog has none. */
    SourceState held(PaperExtracted record) throws SQLException {
        SourceState known = records.get(SourceState.key(record));
        if (known != null) {
            return known;
        }
        SourceState stored = db.record(record.source().source(), record.source().sourceRecordId());
        if (stored != null) {
            records.put(stored.key(), stored);
        }
        return stored;
    }

    /** The ids of the papers holding any of the keys. */
    Set<String> papersWithAnyKey(Set<String> wanted) throws SQLException {
        Set<String> found = new TreeSet<>();
        for (KeyRow row : keyRows(wanted)) {
            found.add(row.paperId());
        }
        return found;
    }

    /** The paper_key rows holding any of the keys: the batch's rows for the papers whose keys it replaced. */
    private List<KeyRow> keyRows(Set<String> wanted) throws SQLException {
        List<KeyRow> rows = new ArrayList<>();
        if (wanted.isEmpty()) {
            return rows;
        }
        for (KeyRow row : db.keyRows(wanted)) {
            if (!keys.containsKey(row.paperId())) {
                rows.add(row);
            }
        }
        for (String key : wanted) {
            rows.addAll(pendingByKey.getOrDefault(key, List.of()));
        }
        return rows;
    }

    /** The papers with these ids that exist. */
    List<PaperState> papers(Collection<String> ids) throws SQLException {
        List<String> missing = ids.stream().filter(id -> !papers.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            db.papers(missing).forEach(p -> papers.put(p.id, p));
        }
        return ids.stream().map(papers::get).filter(p -> p != null && !p.removed).toList();
    }

    /** True when a paper or an alias has, or had before the batch, this id. */
    boolean idTaken(String id) throws SQLException {
        return papers.containsKey(id) || absorbedInto.containsKey(id) || db.idTaken(id);
    }

    /** A new paper, holding no records yet. */
    PaperState create(String id, Instant now) {
        PaperState paper = new PaperState(id, now, false, 0, null);
        papers.put(id, paper);
        recordsByPaper.put(id, new TreeMap<>());
        return paper;
    }

    /** Every current source record of the paper. */
    Collection<SourceState> recordsOf(String paperId) throws SQLException {
        Map<String, SourceState> mine = recordsByPaper.get(paperId);
        if (mine == null) {
            mine = new TreeMap<>();
            for (SourceState stored : db.recordsOf(paperId)) {
                SourceState current = records.computeIfAbsent(stored.key(), k -> stored);
                if (current.paperId.equals(paperId)) {
                    mine.put(current.key(), current);
                }
            }
            recordsByPaper.put(paperId, mine);
        }
        return mine.values();
    }

    /** Stores a new version of a source record (held, or null for a new one) as one of the paper's records. */
    void store(PaperExtracted record, SourceState held, PaperState paper, Instant now) throws SQLException {
        SourceState row = held;
        if (row == null) {
            row = SourceState.of(record, paper.id, now);
            records.put(row.key(), row);
        } else {
            row.update(record, now);
        }
        moveTo(row, paper);
    }

    /** Moves another paper's records to the target and marks it merged away: its id becomes an alias. */
    void absorb(PaperState target, PaperState other) throws SQLException {
        for (SourceState row : List.copyOf(recordsOf(other.id))) {
            moveTo(row, target);
        }
        putKeys(other.id, List.of());
        other.removed = true;
        absorbedInto.put(other.id, target.id);
    }

    private void moveTo(SourceState row, PaperState paper) throws SQLException {
        Map<String, SourceState> from = recordsByPaper.get(row.paperId);
        if (from != null && !row.paperId.equals(paper.id)) {
            from.remove(row.key());
            row.dirty = true;
        }
        recordsOf(paper.id);
        row.paperId = paper.id;
        recordsByPaper.get(paper.id).put(row.key(), row);
    }

    /** Records a paper's new version: its keys and entities are replaced by the merged ones. */
    void changed(PaperState paper, MergedPaper merged, String mergedJson) throws SQLException {
        paper.changed = true;
        paper.merged = merged;
        paper.mergedJson = mergedJson;
        replaceKeys(paper, merged);
        merged.entities().forEach(e -> entities.put(e.id(), e));
    }

    /** The paper's keys become the merged ones, but an id key another paper holds stays with it. */
    private void replaceKeys(PaperState paper, MergedPaper merged) throws SQLException {
        putKeys(paper.id, List.of());
        Set<String> idKeys = IdentityKeys.idKeys(merged.paper());
        Set<String> heldElsewhere = new TreeSet<>();
        keyRows(merged.keys()).stream().filter(KeyRow::idKey).forEach(r -> heldElsewhere.add(r.key()));
        List<KeyRow> rows = new ArrayList<>();
        for (String key : merged.keys()) {
            boolean idKey = !key.startsWith("tya:") || idKeys.contains(key);
            // The two papers were judged different: the id key stays with the one that had it first.
            if (!(idKey && heldElsewhere.contains(key))) {
                rows.add(new KeyRow(key, paper.id, idKey));
            }
        }
        putKeys(paper.id, rows);
    }

    /** Replaces the paper's pending key rows, in both views. */
    private void putKeys(String paperId, List<KeyRow> rows) {
        List<KeyRow> before = keys.put(paperId, rows);
        if (before != null) {
            before.forEach(r -> pendingByKey.get(r.key()).remove(r));
        }
        rows.forEach(r -> pendingByKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
    }

    // --- what the batch writes ---

    /** Papers with a new version that still exist. */
    List<PaperState> changedPapers() {
        return papers.values().stream().filter(p -> p.changed && !p.removed).toList();
    }

    /** Papers of the catalog merged away by the batch. */
    List<String> removedStoredPapers() {
        return papers.values().stream().filter(p -> p.removed && p.stored).map(p -> p.id).toList();
    }

    /** Of these papers, those the catalog held before the batch (a paper the batch created has no rows yet). */
    List<String> stored(Collection<String> ids) {
        return ids.stream().filter(id -> {
            PaperState p = papers.get(id);
            return p == null || p.stored;
        }).toList();
    }

    List<SourceState> dirtyRecords() {
        return records.values().stream().filter(r -> r.dirty).toList();
    }

    /** Every paper merged away, to the paper that holds it now (after merges of merges). */
    Map<String, String> aliases() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String alias : absorbedInto.keySet()) {
            String target = absorbedInto.get(alias);
            while (absorbedInto.containsKey(target)) {
                target = absorbedInto.get(target);
            }
            out.put(alias, target);
        }
        return out;
    }

    Map<String, List<KeyRow>> keys() {
        return keys;
    }

    Collection<Entity> entities() {
        return entities.values();
    }
}
