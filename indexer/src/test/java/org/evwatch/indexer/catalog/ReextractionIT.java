package org.evwatch.indexer.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Summary;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One fetched record extracted again by other extractor versions, as a replay of papers.fetched does, on the real
 * PostgreSQL: the newest extractor's version is the one the catalog keeps whatever the order they come in, an older
 * one never replaces it, and only a re-extraction that changes what readers see is announced.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class ReextractionIT {

    private static final String KEY = "doi:10.5555/replay.1";
    private static final Instant FETCHED = Instant.parse("2025-04-01T00:00:00Z");

    @Inject
    CatalogService catalog;
    @Inject
    EntityManager em;

    private static PaperExtracted extraction(String version, int extractedAfter, String title, int mentionAt) {
        Paper paper = new Paper(new Paper.Identifiers("10.5555/replay.1", null, null, null, null), title,
                List.of(new Paper.AbstractSection(null, "Replayoma vesicles carry RPL1.")), List.of(), null,
                new Paper.PaperDates(null, null, "2025-03", null), List.of(), List.of(), List.of(), null, "en", null,
                List.of());
        Entity gene = new Entity(EntityType.GENE, "NCBIGene:990101", "NCBIGene", "RPL1", List.of(),
                List.of(new Entity.Mention(mentionAt, mentionAt + 4, "RPL1", "abstract")));
        return new PaperExtracted(1, KEY, version, new SourceRecord("pubmed", "replay-1", ContentTypes.PUBMED_XML,
                "h-replay-1", FETCHED, null, "ev-cancer"), paper, List.of(gene),
                new Summary("Replayoma vesicles carry RPL1.", List.of(), null), FETCHED.plusSeconds(extractedAfter));
    }

    @Test
    void theNewestExtractorWinsAndOnlyAVisibleChangeIsAnnounced() {
        String title = "RPL1 in replayoma vesicles";
        List<CatalogService.Outcome> first = catalog.record(List.of(extraction("2.1.0", 10, title, 25)));
        assertThat(first).extracting(o -> o.indexed().change() + " " + o.indexed().version())
                .containsExactly("CREATED 1");
        String announced = stored("merged");

        assertThat(catalog.record(List.of(extraction("2.2.0", 20, title, 25)))).as("the same output, v2.2.0")
                .isEmpty();
        assertThat(stored("extractor_version")).isEqualTo("2.2.0");

        assertThat(catalog.record(List.of(extraction("2.1.0", 30, title + " (old rules)", 25))))
                .as("an older extractor, run later").isEmpty();
        assertThat(stored("extractor_version")).isEqualTo("2.2.0");
        assertThat(stored("title")).isEqualTo(title);

        assertThat(catalog.record(List.of(extraction("2.3.0", 40, title, 21)))).as("only a mention moved").isEmpty();
        assertThat(stored("extractor_version")).isEqualTo("2.3.0");
        assertThat(stored("version")).isEqualTo("1");
        assertThat(stored("merged")).as("the last announcement is what readers see").isEqualTo(announced);
        assertThat(stored("(select string_agg(start_offset::text, ',') from mention where paper_id = p.id)"))
                .isEqualTo("21");
        assertThat(stored("change_seq")).isEqualTo(String.valueOf(first.get(0).changeSeq()));

        List<CatalogService.Outcome> changed = catalog.record(List.of(extraction("2.4.0", 50, title + " (fixed)",
                21)));
        assertThat(changed).extracting(o -> o.indexed().change() + " " + o.indexed().version() + " "
                + o.indexed().paper().title()).containsExactly("UPDATED 2 " + title + " (fixed)");
        assertThat(catalog.record(List.of(extraction("2.4.0", 50, title + " (fixed)", 21)))).as("again").isEmpty();
        assertThat(catalog.record(List.of(extraction("2.3.0", 60, title, 21), extraction("2.1.0", 70, title, 25))))
                .as("older extractors after the newest").isEmpty();
        assertThat(stored("title")).isEqualTo(title + " (fixed)");
        assertThat(outboxRows()).as("announcements in the outbox").isEqualTo(2);
    }

    private String stored(String column) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery("select " + column
                + " from paper p join source_record s on s.paper_id = p.id where s.source_record_id = 'replay-1'")
                .getSingleResult()));
    }

    private long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox where paper_id = '" + KEY + "'").getSingleResult()).longValue());
    }
}
