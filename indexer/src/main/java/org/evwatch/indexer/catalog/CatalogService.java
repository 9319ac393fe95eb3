package org.evwatch.indexer.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.evwatch.events.Entity;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.serde.EventJson;
import org.evwatch.indexer.merge.IdentityKeys;
import org.evwatch.indexer.merge.MergedPaper;
import org.evwatch.indexer.merge.PaperMerger;
import org.evwatch.indexer.merge.RecordVersions;
import org.evwatch.indexer.persistence.PaperRow;
import org.evwatch.indexer.persistence.SourceRecordRow;
import org.evwatch.query.PaperDocuments;

/**
 * Stores source records and keeps one merged paper per real paper.
 * <p>
 * Idempotent: a record already held (a redelivery, a replay of the whole topic) or older than the version held
 * changes nothing and announces nothing. Which version of a source record is current is decided by the record's
 * own times ({@link RecordVersions}), and the merged paper is a pure function of the set of current records
 * ({@link PaperMerger}), so arrival order never decides the outcome. The transaction commits when
 * {@link #upsert} returns, before the caller indexes or announces anything.
 */
@ApplicationScoped
public class CatalogService {

    /** Serialises catalog writers across instances: identity resolution reads, then writes, several papers. */
    private static final long WRITE_LOCK = 0x45565761L;

    private final EntityManager em;

    public CatalogService(EntityManager em) {
        this.em = em;
    }

    /** What one record did to the catalog. */
    public record Outcome(PaperIndexed indexed, long changeSeq, List<String> removedPaperIds) {
    }

    @Transactional
    public Optional<Outcome> upsert(PaperExtracted record) {
        em.createNativeQuery("select pg_advisory_xact_lock(" + WRITE_LOCK + ")").getSingleResult();
        Instant now = Instant.now();
        SourceRecordRow held = SourceRecordRow.find(record.source().source(), record.source().sourceRecordId());
        if (held != null) {
            PaperExtracted stored = EventJson.read(held.record.getBytes(StandardCharsets.UTF_8),
                    PaperExtracted.class);
            if (RecordVersions.newer(stored, record) == stored) {
                // The same record again, or an older version of it: nothing to do.
                return Optional.empty();
            }
        }

        Set<String> candidates = new TreeSet<>(findPapers(IdentityKeys.lookup(record.paper())));
        if (held != null) {
            candidates.add(held.paperId);
        }
        PaperRow target;
        boolean created = false;
        List<String> removed = new ArrayList<>();
        if (candidates.isEmpty()) {
            target = new PaperRow();
            target.id = freeId(record);
            target.createdAt = now;
            target.version = 0;
            target.extracted = EventJson.writeString(record);
            created = true;
        } else {
            List<PaperRow> papers = candidates.stream().map(id -> PaperRow.<PaperRow>findById(id))
                    .filter(p -> p != null)
                    .sorted(Comparator.comparing((PaperRow p) -> p.createdAt).thenComparing(p -> p.id)).toList();
            target = papers.get(0);
            for (PaperRow other : papers.subList(1, papers.size())) {
                absorb(target, other);
                removed.add(other.id);
            }
            if (!removed.isEmpty()) {
                // Bulk updates bypassed the persistence context: reload what is still to be changed.
                String targetId = target.id;
                em.flush();
                em.clear();
                target = PaperRow.findById(targetId);
                held = held == null
                        ? null
                        : SourceRecordRow.find(record.source().source(), record.source().sourceRecordId());
            }
        }

        SourceRecordRow row = held != null ? held : new SourceRecordRow();
        row.source = record.source().source();
        row.sourceRecordId = record.source().sourceRecordId();
        row.paperId = target.id;
        row.contentType = record.source().contentType();
        row.contentHash = record.source().contentHash();
        row.fetchedAt = record.source().fetchedAt();
        row.sourceUrl = record.source().sourceUrl();
        row.watchId = record.source().watchId();
        row.extractedAt = record.extractedAt();
        row.extractorVersion = record.extractorVersion();
        row.record = EventJson.writeString(record);
        row.receivedAt = now;
        if (created) {
            // The paper row must exist before a source record can point at it.
            fill(target, PaperMerger.merge(List.of(record)));
            target.updatedAt = now;
            target.title = record.paper().title();
            target.persist();
            em.flush();
        }
        if (held == null) {
            row.persist();
        }
        em.flush();

        List<PaperExtracted> records = SourceRecordRow.ofPaper(target.id).stream()
                .map(r -> EventJson.read(r.record.getBytes(StandardCharsets.UTF_8), PaperExtracted.class))
                .toList();
        MergedPaper merged = PaperMerger.merge(records);
        List<PaperIndexed.EntityCount> counts = merged.entities().stream()
                .map(e -> new PaperIndexed.EntityCount(e.type(), e.id(), e.name(), e.mentions().size())).toList();
        String hash = PaperKeys.sha256(EventJson.writeString(new PaperIndexed(PaperIndexed.SCHEMA_VERSION,
                target.id, PaperIndexed.Change.UPDATED, 0, Instant.EPOCH, merged.paper(), counts,
                merged.summary(), merged.sources())) + EventJson.writeString(merged.entities()));
        if (!created && removed.isEmpty() && hash.equals(target.mergedHash)) {
            // A newer version of a record that changes nothing in the merged paper: stored, not announced.
            return Optional.empty();
        }

        fill(target, merged);
        target.version++;
        target.updatedAt = now;
        target.mergedHash = hash;
        target.changeSeq = ((Number) em.createNativeQuery("select nextval('paper_change_seq')").getSingleResult())
                .longValue();
        PaperIndexed indexed = new PaperIndexed(PaperIndexed.SCHEMA_VERSION, target.id,
                created ? PaperIndexed.Change.CREATED : PaperIndexed.Change.UPDATED, target.version, now,
                merged.paper(), counts, merged.summary(), merged.sources());
        target.merged = EventJson.writeString(indexed);
        writeChildren(target.id, merged);
        return Optional.of(new Outcome(indexed, target.changeSeq, removed));
    }

    /** The papers holding any of the keys. */
    @SuppressWarnings("unchecked")
    private List<String> findPapers(Set<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("select distinct paper_id from paper_key where key in (:keys)")
                .setParameter("keys", keys).getResultList();
    }

    /** The record's own key as the new paper's id, unless a paper or an alias already has it. */
    private String freeId(PaperExtracted record) {
        String id = record.paperKey();
        if (id.length() > 250 || PaperRow.findById(id) != null
                || org.evwatch.indexer.persistence.PaperAliasRow.findById(id) != null) {
            id = "paper:" + PaperKeys.sha256(RecordVersions.recordKey(record)).substring(0, 24);
        }
        return id;
    }

    /** Moves another paper's source records and aliases to the target, keeps its id as an alias, deletes it. */
    private void absorb(PaperRow target, PaperRow other) {
        em.flush();
        em.detach(other);
        em.createNativeQuery("update source_record set paper_id = :t where paper_id = :o")
                .setParameter("t", target.id).setParameter("o", other.id).executeUpdate();
        em.createNativeQuery("update paper_alias set paper_id = :t where paper_id = :o")
                .setParameter("t", target.id).setParameter("o", other.id).executeUpdate();
        em.createNativeQuery("insert into paper_alias (alias, paper_id) values (:o, :t) on conflict (alias) "
                + "do update set paper_id = excluded.paper_id")
                .setParameter("t", target.id).setParameter("o", other.id).executeUpdate();
        em.createNativeQuery("delete from paper_key where paper_id = :o").setParameter("o", other.id)
                .executeUpdate();
        em.createNativeQuery("delete from paper where id = :o").setParameter("o", other.id).executeUpdate();
    }

    private static void fill(PaperRow row, MergedPaper merged) {
        Paper p = merged.paper();
        row.doi = p.ids().doi();
        row.pmid = p.ids().pmid();
        row.pmcid = p.ids().pmcid();
        row.preprintDoi = p.ids().preprintDoi();
        row.publishedDoi = p.ids().publishedDoi();
        row.title = p.title();
        row.abstractText = p.abstractText();
        row.year = p.dates().year();
        Paper.Journal j = p.journal();
        row.journalTitle = j.title();
        row.journalIso = j.isoAbbreviation();
        row.journalIssn = j.issn();
        row.journalEissn = j.eissn();
        row.journalVolume = j.volume();
        row.journalIssue = j.issue();
        row.journalPages = j.pages();
        row.journalArticle = j.articleNumber();
        row.journalPublisher = j.publisher();
        row.dateReceived = p.dates().received();
        row.dateAccepted = p.dates().accepted();
        row.datePublished = p.dates().published();
        row.dateEpub = p.dates().epub();
        row.publishedOn = PaperDocuments.publishedDate(p.dates());
        row.tldr = merged.summary().tldr();
        var relevance = merged.summary().relevance();
        row.relevanceLabel = relevance == null || relevance.label() == null ? null : relevance.label().name();
        row.relevanceScore = relevance == null ? null : relevance.score();
        row.preprint = merged.preprint();
        row.sources = String.join(",", merged.sources());
    }

    /** Replaces the paper's keys, authors, entities, mentions and key findings with the merged ones. */
    private void writeChildren(String paperId, MergedPaper merged) {
        em.flush();
        for (String table : new String[]{"paper_key", "author", "paper_entity", "mention", "key_finding"}) {
            em.createNativeQuery("delete from " + table + " where paper_id = :p").setParameter("p", paperId)
                    .executeUpdate();
        }
        Set<String> idKeys = IdentityKeys.idKeys(merged.paper());
        for (String key : merged.keys()) {
            boolean isId = !key.startsWith("tya:");
            // An id key already held by another paper stays with it; the two were judged different papers.
            em.createNativeQuery("insert into paper_key (key, paper_id, id_key) values (:k, :p, :i) "
                    + "on conflict do nothing")
                    .setParameter("k", key).setParameter("p", paperId).setParameter("i", isId || idKeys.contains(key))
                    .executeUpdate();
        }
        List<Paper.Author> authors = merged.paper().authors();
        for (int i = 0; i < authors.size(); i++) {
            Paper.Author a = authors.get(i);
            em.createNativeQuery("insert into author (paper_id, position, given, family, collective_name, orcid, "
                    + "affiliations) values (:p, :n, :g, :f, :c, :o, :a)")
                    .setParameter("p", paperId).setParameter("n", i).setParameter("g", a.given())
                    .setParameter("f", a.family()).setParameter("c", a.collectiveName())
                    .setParameter("o", a.orcid()).setParameter("a", String.join("\n", a.affiliations()))
                    .executeUpdate();
        }
        for (Entity e : merged.entities()) {
            em.createNativeQuery("insert into entity (id, type, namespace, name, xrefs) values (:id, :t, :ns, :n, :x) "
                    + "on conflict (id) do update set type = excluded.type, namespace = excluded.namespace, "
                    + "name = excluded.name, xrefs = excluded.xrefs")
                    .setParameter("id", e.id()).setParameter("t", e.type().name())
                    .setParameter("ns", e.namespace()).setParameter("n", e.name() == null ? e.id() : e.name())
                    .setParameter("x", String.join(" ", e.xrefs())).executeUpdate();
            em.createNativeQuery("insert into paper_entity (paper_id, entity_id, mentions) values (:p, :e, :m)")
                    .setParameter("p", paperId).setParameter("e", e.id()).setParameter("m", e.mentions().size())
                    .executeUpdate();
            for (Entity.Mention m : e.mentions()) {
                em.createNativeQuery("insert into mention (paper_id, entity_id, section, start_offset, end_offset, "
                        + "text) values (:p, :e, :s, :b, :x, :t) on conflict do nothing")
                        .setParameter("p", paperId).setParameter("e", e.id())
                        .setParameter("s", m.section() == null ? "" : m.section()).setParameter("b", m.start())
                        .setParameter("x", m.end()).setParameter("t", m.text()).executeUpdate();
            }
        }
        List<String> findings = merged.summary().keyFindings();
        for (int i = 0; i < findings.size(); i++) {
            em.createNativeQuery("insert into key_finding (paper_id, position, text) values (:p, :n, :t)")
                    .setParameter("p", paperId).setParameter("n", i).setParameter("t", findings.get(i))
                    .executeUpdate();
        }
    }
}
