package org.evwatch.indexer.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.Entity;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Summary;
import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * With several indexers on one catalog, each knows the names of the papers the others wrote: a paper written to the
 * catalog without this indexer's batch path (as another indexer writes it) is in the vocabulary within seconds.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class VocabularyFollowIT {

    @Inject
    CatalogService catalog;

    @Inject
    CatalogVocabulary vocabulary;

    @Test
    void theNamesOfAPaperAnotherIndexerWroteAreLearnedWithinSeconds() {
        Entity followoma = new Entity(EntityType.DISEASE, "MESH:D990077", "MESH", "Followoma", List.of(),
                List.of(new Entity.Mention(0, 13, "Followomatous", "abstract")));
        Paper paper = new Paper(new Paper.Identifiers("10.5555/follow.a", null, null, null, null),
                "Vesicles of another indexer", List.of(new Paper.AbstractSection(null, "Followomatous cells.")),
                List.of(), Paper.Journal.NONE, Paper.PaperDates.NONE, List.of(), List.of(), List.of(), null, "en",
                null, List.of());
        Instant now = Instant.now();
        catalog.record(List.of(new PaperExtracted(1, "doi:10.5555/follow.a", "2.1.0", new SourceRecord("crossref",
                "follow-a", ContentTypes.CROSSREF_JSON, "h-follow", now, null, "ev-cancer"), paper,
                List.of(followoma), Summary.NONE, now)));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !vocabulary.names().lookup("Followomatous").isEmpty());
        assertThat(vocabulary.names().lookup("Followomatous")).extracting(v -> v.id()).containsExactly("MESH:D990077");
        assertThat(vocabulary.names().lookup("Followoma")).extracting(v -> v.id()).containsExactly("MESH:D990077");
    }
}
