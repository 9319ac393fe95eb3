package org.evwatch.indexer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Summary;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch of records written in one call on the real PostgreSQL: every table holds what writing the records one by
 * one gives, and writing the batch again changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class CatalogBatchIT {

    private static final String A = "doi:10.5555/batch.a";
    private static final String B = "doi:10.5555/batch.b";
    private static final String PREPRINT = "doi:10.1101/batch.c";
    private static final String PUBLISHED = "doi:10.5555/batch.e";
    private static final String NO_IDS = "feed:batch-g";
    private static final List<String> PAPERS = List.of(A, B, PREPRINT, PUBLISHED, NO_IDS);
    private static final String GENE = "NCBIGene:990001";
    private static final String DISEASE = "MESH:D990002";

    /** Every column of the batch's rows of each table, in a stable order. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        String papers = "('" + String.join("', '", PAPERS) + "')";
        TABLES.put("paper", "select id, doi, pmid, pmcid, preprint_doi, published_doi, title, abstract_text, year, "
                + "extracted, journal_title, journal_iso, journal_issn, journal_eissn, journal_volume, journal_issue, "
                + "journal_pages, journal_article, journal_publisher, date_received, date_accepted, date_published, "
                + "date_epub, published_on, tldr, relevance_label, relevance_score, preprint, sources, merged, "
                + "merged_hash, version, created_at, updated_at, change_seq from paper where id in " + papers
                + " order by id");
        TABLES.put("paper_key", "select key, paper_id, id_key from paper_key where paper_id in " + papers
                + " order by key, paper_id");
        TABLES.put("paper_alias", "select alias, paper_id from paper_alias where alias in " + papers
                + " order by alias");
        TABLES.put("source_record", "select source, source_record_id, paper_id, content_type, content_hash, "
                + "fetched_at, source_url, watch_id, extracted_at, extractor_version, record, received_at "
                + "from source_record where source_record_id like 'batch-%' order by source, source_record_id");
        TABLES.put("author", "select id, paper_id, position, given, family, collective_name, orcid, affiliations "
                + "from author where paper_id in " + papers + " order by paper_id, position");
        TABLES.put("entity", "select id, type, namespace, name, xrefs from entity where id in ('" + GENE + "', '"
                + DISEASE + "') order by id");
        TABLES.put("paper_entity", "select paper_id, entity_id, mentions from paper_entity where paper_id in "
                + papers + " order by paper_id, entity_id");
        TABLES.put("mention", "select id, paper_id, entity_id, section, start_offset, end_offset, text from mention "
                + "where paper_id in " + papers + " order by paper_id, entity_id, section, start_offset");
        TABLES.put("key_finding", "select paper_id, origin, position, text from key_finding where paper_id in "
                + papers + " order by paper_id, origin, position");
        TABLES.put("source_summary", "select id, source_tldr, source_contribution from paper where id in " + papers
                + " and source_tldr is not null order by id");
    }

    @Inject
    CatalogService catalog;
    @Inject
    EntityManager em;

    private static Entity gene(String name, int start) {
        return new Entity(EntityType.GENE, GENE, "NCBIGene", name, List.of("HGNC:99001"),
                List.of(new Entity.Mention(start, start + 4, "BTG1", "title")));
    }

    private static Entity disease() {
        return new Entity(EntityType.DISEASE, DISEASE, "MESH", "Batchoma", List.of(),
                List.of(new Entity.Mention(0, 8, "Batchoma", "abstract"),
                        new Entity.Mention(29, 37, "Batchoma", "abstract")));
    }

    private static PaperExtracted record(String source, String paperKey, Paper.Identifiers ids, String title,
            String fetchedAt, List<Paper.Author> authors, List<Entity> entities, Summary summary) {
        String contentType = switch (source) {
            case "pubmed" -> ContentTypes.PUBMED_XML;
            case "crossref" -> ContentTypes.CROSSREF_JSON;
            case "biorxiv" -> ContentTypes.BIORXIV_JSON;
            default -> ContentTypes.FEED_ITEM_XML;
        };
        Paper paper = new Paper(ids, title,
                List.of(new Paper.AbstractSection(null, "Batchoma cells release BTG1. Batchoma grows.")), authors,
                new Paper.Journal("Journal of Batch Tests", "J Batch Tests", "1234-5678", null, "7", "2", "11-19",
                        null, "Batch Press"),
                new Paper.PaperDates(null, "2025-01-10", "2025-02", null), List.of("Journal Article"),
                List.of("batching"), List.of(), null, "en", null, List.of());
        String recordId = "batch-" + paperKey.substring(paperKey.length() - 1);
        return new PaperExtracted(1, paperKey, "2.1.0", new SourceRecord(source, recordId, contentType,
                "h-" + fetchedAt, Instant.parse(fetchedAt), null, "ev-cancer"), paper, entities, summary,
                Instant.parse(fetchedAt).plusSeconds(60));
    }

    /**
     * Two unrelated papers; a preprint and its published version, joined by a third record; a redelivery, a newer
     * and an older version of one record; a record without ids.
     */
    static List<PaperExtracted> batch() {
        List<Paper.Author> two = List.of(new Paper.Author("Ana", "Batista", null, "0000-0002-1825-0097",
                List.of("Institute of Tests", "University of Batches")),
                new Paper.Author("Li", "Wen", null, null, List.of()));
        Summary summary = new Summary("BTG1 drives batchoma.", List.of("BTG1 is in vesicles.", "It matters."),
                new Summary.Relevance(Summary.Relevance.Label.RELEVANT, 0.875));
        PaperExtracted a = record("pubmed", A, new Paper.Identifiers("10.5555/batch.a", "99400001", null, null,
                null), "BTG1 in batchoma vesicles", "2025-03-01T00:00:00Z", two, List.of(gene("BTG1", 0), disease()),
                summary);
        PaperExtracted b = record("crossref", B, new Paper.Identifiers("10.5555/batch.b", null, null, null, null),
                "BTG1 protein of batch cells", "2025-03-02T00:00:00Z",
                List.of(new Paper.Author(null, null, "The Batch Consortium", null, List.of())),
                List.of(gene("BTG-1 protein", 0)), new Summary(null, List.of(), null, new Summary.FromSource(
                        "B's own TL;DR.", "B's own contribution.", List.of("B's first finding.", "B's second."))));
        PaperExtracted preprint = record("biorxiv", PREPRINT, new Paper.Identifiers("10.1101/batch.c", null, null,
                null, null), "Vesicles of batchoma, a preprint", "2025-01-05T00:00:00Z", two, List.of(), null);
        PaperExtracted published = record("pubmed", PUBLISHED, new Paper.Identifiers("10.5555/batch.e",
                "99400005", null, null, null), "Vesicles of batchoma", "2025-03-03T00:00:00Z", two, List.of(),
                summary);
        PaperExtracted link = record("crossref", "doi:10.5555/batch.f", new Paper.Identifiers("10.5555/batch.e",
                null, null, "10.1101/batch.c", null), "Vesicles of batchoma", "2025-03-04T00:00:00Z", two,
                List.of(), null);
        PaperExtracted newer = record("pubmed", A, a.paper().ids(), "BTG1 in batchoma vesicles (revised)",
                "2025-03-09T00:00:00Z", two, a.entities(), summary);
        PaperExtracted older = record("pubmed", A, a.paper().ids(), "BTG1 in batchoma vesicles (draft)",
                "2025-02-01T00:00:00Z", two, a.entities(), summary);
        PaperExtracted noIds = record("feed", NO_IDS, Paper.Identifiers.NONE, "Batch notes on vesicles",
                "2025-03-05T00:00:00Z", List.of(), List.of(gene("BTG1", 15)), null);
        return List.of(a, b, preprint, published, link, a, newer, older, noIds);
    }

    private Map<String, List<String>> tables(boolean comparable) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        TABLES.forEach((table, sql) -> {
            List<String> rows = new ArrayList<>();
            for (Object row : em.createNativeQuery(sql).getResultList()) {
                rows.add(Arrays.deepToString(row instanceof Object[] cells ? cells : new Object[]{row}));
            }
            out.put(table, comparable ? rows.stream().map(CatalogBatchIT::withoutClockAndIds).toList() : rows);
        });
        return out;
    }

    /** A row without what the clock or a sequence decides: times of writing, change numbers, row ids. */
    private static String withoutClockAndIds(String row) {
        return row.replaceAll("\"indexedAt\":\"[^\"]*\"", "")
                .replaceAll("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}(:\\d{2})?)?", "T")
                .replaceAll("(, )\\d+(\\]$)", "$1N$2").replaceAll("^\\[\\d+, ", "[N, ");
    }

    @Test
    void aBatchWritesWhatRecordsWrittenOneByOneWriteAndWritingItAgainChangesNothing() {
        Map<String, List<String>> oneByOne;
        QuarkusTransaction.begin();
        try {
            batch().forEach(catalog::upsert);
            oneByOne = tables(true);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(oneByOne.get("paper")).hasSize(4);

        List<CatalogService.Outcome> outcomes = catalog.upsertAll(batch());
        assertThat(outcomes).extracting(o -> o.indexed().paperId() + " " + o.indexed().change() + " "
                + o.indexed().version()).containsExactly(A + " CREATED 1", B + " CREATED 1", PREPRINT + " CREATED 1",
                        PUBLISHED + " CREATED 1", PREPRINT + " UPDATED 2", A + " UPDATED 2", NO_IDS + " CREATED 1");
        assertThat(outcomes.get(4).removedPaperIds()).containsExactly(PUBLISHED);
        assertThat(outcomes).extracting(CatalogService.Outcome::changeSeq).isSorted().doesNotHaveDuplicates();
        Map<String, List<String>> written = QuarkusTransaction.requiringNew().call(() -> tables(false));
        assertThat(QuarkusTransaction.requiringNew().call(() -> tables(true))).isEqualTo(oneByOne);
        assertEveryTable(written, outcomes);

        assertThat(catalog.upsertAll(batch())).isEmpty();
        assertThat(QuarkusTransaction.requiringNew().call(() -> tables(false))).isEqualTo(written);
    }

    private static void assertEveryTable(Map<String, List<String>> t, List<CatalogService.Outcome> outcomes) {
        long seqOfA = outcomes.get(5).changeSeq();
        assertThat(t.get("paper")).hasSize(4).satisfiesExactly(
                c -> assertThat(c).startsWith("[" + PREPRINT + ", 10.5555/batch.e, 99400005, null, 10.1101/batch.c, "
                        + "10.5555/batch.e, Vesicles of batchoma, ").contains(", false, biorxiv,crossref,pubmed, {"),
                a -> assertThat(a).startsWith("[" + A + ", 10.5555/batch.a, 99400001, null, null, null, "
                        + "BTG1 in batchoma vesicles (revised), Batchoma cells release BTG1. Batchoma grows., "
                        // no second copy of the first record: the source record holds it
                        + "2025, null, ").contains(", Journal of Batch Tests, J Batch Tests, 1234-5678, null, 7, 2, "
                                + "11-19, null, Batch Press, null, 2025-01-10, 2025-02, null, 2025-02-01, "
                                + "BTG1 drives batchoma., RELEVANT, 0.875, false, pubmed, {")
                        .contains("\"version\":2").endsWith(", " + seqOfA + "]"),
                b -> assertThat(b).startsWith("[" + B + ", 10.5555/batch.b, ").contains(", crossref, {"),
                g -> assertThat(g).startsWith("[" + NO_IDS + ", null, null, null, null, null, Batch notes"));
        assertThat(t.get("paper_alias")).containsExactly("[" + PUBLISHED + ", " + PREPRINT + "]");
        assertThat(t.get("paper_key")).contains("[doi:10.1101/batch.c, " + PREPRINT + ", true]",
                "[doi:10.5555/batch.e, " + PREPRINT + ", true]", "[pmid:99400005, " + PREPRINT + ", true]",
                "[doi:10.5555/batch.a, " + A + ", true]", "[pmid:99400001, " + A + ", true]")
                .noneMatch(k -> k.contains(", " + PUBLISHED + ", "))
                .anyMatch(k -> k.startsWith("[tya:") && k.contains(NO_IDS));
        assertThat(t.get("source_record")).hasSize(6).anyMatch(r -> r.startsWith("[pubmed, batch-a, " + A)
                && r.contains("(revised)") && !r.contains("(draft)"))
                .anyMatch(r -> r.startsWith("[pubmed, batch-e, " + PREPRINT + ", "))
                .anyMatch(r -> r.startsWith("[crossref, batch-f, " + PREPRINT + ", "));
        assertThat(t.get("author")).extracting(r -> r.substring(r.indexOf(", ") + 2)).contains(
                A + ", 0, Ana, Batista, null, 0000-0002-1825-0097, Institute of Tests\nUniversity of Batches]",
                A + ", 1, Li, Wen, null, null, ]", B + ", 0, null, null, The Batch Consortium, null, ]");
        assertThat(t.get("entity")).containsExactly("[" + DISEASE + ", DISEASE, MESH, Batchoma, ]",
                "[" + GENE + ", GENE, NCBIGene, BTG1, HGNC:99001]");
        assertThat(t.get("paper_entity")).contains("[" + A + ", " + DISEASE + ", 2]", "[" + A + ", " + GENE
                + ", 1]", "[" + B + ", " + GENE + ", 1]", "[" + NO_IDS + ", " + GENE + ", 1]");
        assertThat(t.get("mention")).extracting(r -> r.substring(r.indexOf(", ") + 2)).contains(
                A + ", " + DISEASE + ", abstract, 0, 8, Batchoma]",
                A + ", " + DISEASE + ", abstract, 29, 37, Batchoma]",
                A + ", " + GENE + ", title, 0, 4, BTG1]", NO_IDS + ", " + GENE + ", title, 15, 19, BTG1]");
        assertThat(t.get("key_finding")).containsExactly(
                "[" + PREPRINT + ", extractor, 0, BTG1 is in vesicles.]",
                "[" + PREPRINT + ", extractor, 1, It matters.]", "[" + A + ", extractor, 0, BTG1 is in vesicles.]",
                "[" + A + ", extractor, 1, It matters.]", "[" + B + ", source, 0, B's first finding.]",
                "[" + B + ", source, 1, B's second.]");
        assertThat(t.get("source_summary")).containsExactly("[" + B + ", B's own TL;DR., B's own contribution.]");
        assertThat(outcomes.get(4).indexed().sources()).containsExactly("biorxiv", "crossref", "pubmed");
        assertThat(outcomes.get(0).indexed().change()).isEqualTo(PaperIndexed.Change.CREATED);
    }
}
