package org.evwatch.indexer.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.evwatch.events.Entity;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.persistence.PaperRow;

/** Upserts papers into the catalog, idempotent by paper id: the same record twice changes nothing. */
@ApplicationScoped
public class CatalogService {

    /**
     * Stores the paper and returns what to announce on papers.indexed, or nothing when the catalog already held
     * exactly this record. The transaction commits when this method returns, before anything is announced.
     */
    @Transactional
    public Optional<PaperIndexed> upsert(PaperExtracted extracted) {
        // The extraction time is left out of the comparison: re-extracting the same record is not a change.
        String json = EventJson.writeString(new PaperExtracted(extracted.schemaVersion(), extracted.paperKey(),
                extracted.extractorVersion(), extracted.source(), extracted.paper(), extracted.entities(),
                extracted.summary(), Instant.EPOCH));
        PaperRow row = PaperRow.findById(extracted.paperKey());
        Instant now = Instant.now();
        PaperIndexed.Change change;
        if (row == null) {
            row = new PaperRow();
            row.id = extracted.paperKey();
            row.createdAt = now;
            row.version = 0;
            change = PaperIndexed.Change.CREATED;
        } else if (row.extracted.equals(json)) {
            return Optional.empty();
        } else {
            change = PaperIndexed.Change.UPDATED;
        }
        var paper = extracted.paper();
        row.doi = paper.ids().doi();
        row.pmid = paper.ids().pmid();
        row.pmcid = paper.ids().pmcid();
        row.title = paper.title();
        row.year = paper.dates().year();
        row.extracted = json;
        row.version++;
        row.updatedAt = now;
        row.persist();
        List<PaperIndexed.EntityCount> entities = extracted.entities().stream()
                .map(CatalogService::count).toList();
        return Optional.of(new PaperIndexed(PaperIndexed.SCHEMA_VERSION, row.id, change, row.version, now, paper,
                entities, extracted.summary(), List.of(extracted.source().source())));
    }

    private static PaperIndexed.EntityCount count(Entity e) {
        return new PaperIndexed.EntityCount(e.type(), e.id(), e.name(), e.mentions().size());
    }
}
