package org.evwatch.indexer.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.Summary;
import org.evwatch.indexer.catalog.CatalogReads.KeyRow;
import org.evwatch.indexer.persistence.RowBatch;

/**
 * Writes what a batch changed: for each table one statement for the whole batch (two where rows are both repointed
 * and added), child rows of a changed paper replaced by one delete and one insert. The order follows the foreign
 * keys: papers before what points at them, and the papers merged away deleted only once their records and aliases
 * point at the paper that took them in.
 */
final class CatalogWriter {

    private static final List<String> CHILD_TABLES = List.of("author", "paper_entity", "mention", "key_finding");

    private final Connection connection;

    CatalogWriter(Connection connection) {
        this.connection = connection;
    }

    void write(PendingCatalog pending) throws SQLException {
        List<PaperState> changed = pending.changedPapers();
        PaperColumns.rows(changed).insert(connection, PaperColumns.onConflict());
        writeSourceRecords(pending.dirtyRecords());
        writeAliases(pending.aliases());
        writeKeys(pending);
        RowBatch.deleteWhereAny(connection, "paper", "id", pending.removedStoredPapers());
        writeEntities(pending.entities());
        // A paper the batch created has no rows yet: only the stored ones have rows to replace.
        List<String> stored = changed.stream().filter(p -> p.stored).map(p -> p.id).toList();
        for (String table : CHILD_TABLES) {
            RowBatch.deleteWhereAny(connection, table, "paper_id", stored);
        }
        writeAuthors(changed);
        writeMentions(changed);
        writeKeyFindings(changed);
    }

    private void writeSourceRecords(List<SourceState> rows) throws SQLException {
        RowBatch batch = RowBatch.into("source_record").column("source", "text").column("source_record_id", "text")
                .column("paper_id", "text").column("content_type", "text").column("content_hash", "text")
                .column("fetched_at", "timestamptz").column("source_url", "text").column("watch_id", "text")
                .column("extracted_at", "timestamptz").column("extractor_version", "text").column("record", "text")
                .column("received_at", "timestamptz");
        for (SourceState row : rows) {
            var r = row.record();
            batch.row(row.source, row.sourceRecordId, row.paperId, r.source().contentType(),
                    r.source().contentHash(), r.source().fetchedAt(), r.source().sourceUrl(), r.source().watchId(),
                    r.extractedAt(), r.extractorVersion(), row.json(), row.receivedAt);
        }
        batch.insert(connection, batch.onConflictUpdate("source, source_record_id"));
    }

    /** Aliases of the papers merged away follow them to the paper that took them in; their ids become aliases. */
    private void writeAliases(Map<String, String> aliases) throws SQLException {
        RowBatch batch = RowBatch.into("paper_alias").column("alias", "text").column("paper_id", "text");
        aliases.forEach(batch::row);
        batch.execute(connection, "update paper_alias a set paper_id = m.paper_id from unnest(%s) as m(alias, "
                + "paper_id) where a.paper_id = m.alias");
        batch.insert(connection, batch.onConflictUpdate("alias"));
    }

    private void writeKeys(PendingCatalog pending) throws SQLException {
        Map<String, List<KeyRow>> keys = pending.keys();
        RowBatch.deleteWhereAny(connection, "paper_key", "paper_id", pending.stored(keys.keySet()));
        RowBatch batch = RowBatch.into("paper_key").column("key", "text").column("paper_id", "text")
                .column("id_key", "bool");
        keys.values().forEach(rows -> rows.forEach(k -> batch.row(k.key(), k.paperId(), k.idKey())));
        batch.insert(connection, "on conflict do nothing");
    }

    private void writeEntities(Iterable<Entity> entities) throws SQLException {
        RowBatch batch = RowBatch.into("entity").column("id", "text").column("type", "text")
                .column("namespace", "text").column("name", "text").column("xrefs", "text");
        for (Entity e : entities) {
            batch.row(e.id(), e.type().name(), e.namespace(), e.name() == null ? e.id() : e.name(),
                    String.join(" ", e.xrefs()));
        }
        batch.insert(connection, batch.onConflictUpdate("id"));
    }

    private void writeAuthors(List<PaperState> papers) throws SQLException {
        RowBatch batch = RowBatch.into("author").column("paper_id", "text").column("position", "int4")
                .column("given", "text").column("family", "text").column("collective_name", "text")
                .column("orcid", "text").column("affiliations", "text");
        for (PaperState p : papers) {
            List<Paper.Author> authors = p.merged.paper().authors();
            for (int i = 0; i < authors.size(); i++) {
                Paper.Author a = authors.get(i);
                batch.row(p.id, i, a.given(), a.family(), a.collectiveName(), a.orcid(),
                        String.join("\n", a.affiliations()));
            }
        }
        batch.insert(connection, "");
    }

    /** The paper's entities with their mention counts, and each mention. */
    private void writeMentions(List<PaperState> papers) throws SQLException {
        RowBatch counts = RowBatch.into("paper_entity").column("paper_id", "text").column("entity_id", "text")
                .column("mentions", "int4");
        RowBatch mentions = RowBatch.into("mention").column("paper_id", "text").column("entity_id", "text")
                .column("section", "text").column("start_offset", "int4").column("end_offset", "int4")
                .column("text", "text");
        for (PaperState p : papers) {
            for (Entity e : p.merged.entities()) {
                counts.row(p.id, e.id(), e.mentions().size());
                for (Entity.Mention m : e.mentions()) {
                    mentions.row(p.id, e.id(), m.section() == null ? "" : m.section(), m.start(), m.end(), m.text());
                }
            }
        }
        counts.insert(connection, "");
        mentions.insert(connection, "on conflict do nothing");
    }

    /** The extractor's key findings, and those the source wrote itself, told apart by their origin. */
    private void writeKeyFindings(List<PaperState> papers) throws SQLException {
        RowBatch batch = RowBatch.into("key_finding").column("paper_id", "text").column("origin", "text")
                .column("position", "int4").column("text", "text");
        for (PaperState p : papers) {
            Summary summary = p.merged.summary();
            addFindings(batch, p.id, "extractor", summary.keyFindings());
            if (summary.fromSource() != null) {
                addFindings(batch, p.id, "source", summary.fromSource().keyFindings());
            }
        }
        batch.insert(connection, "");
    }

    private static void addFindings(RowBatch batch, String paperId, String origin, List<String> findings) {
        for (int i = 0; i < findings.size(); i++) {
            batch.row(paperId, origin, i, findings.get(i));
        }
    }
}
