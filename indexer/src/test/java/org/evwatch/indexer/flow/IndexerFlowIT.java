package org.evwatch.indexer.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.SourceRecord;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.indexer.merge.Fixtures;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The indexer end to end on the real broker and PostgreSQL: one paper reported by four sources (a preprint first),
 * redelivered, replayed and updated out of order; then searched, looked up and reindexed through the internal API.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class IndexerFlowIT {

    private static final String PREPRINT_DOI = "10.1101/2023.11.02.565123";
    private static final String DOI = "10.1016/j.canlet.2024.216789";

    private final PaperIndexedDeserializer indexedReader = new PaperIndexedDeserializer();

    private static void send(PaperExtracted record) {
        TestKafka.send(Topics.PAPERS_EXTRACTED, record.paperKey(), EventJson.write(record));
    }

    private List<PaperIndexed> drain(KafkaConsumer<String, byte[]> consumer, Duration quiet) {
        List<PaperIndexed> out = new ArrayList<>();
        while (true) {
            var batch = consumer.poll(quiet);
            if (batch.isEmpty()) {
                return out;
            }
            batch.forEach(r -> out.add(indexedReader.deserialize(r.topic(), r.value())));
        }
    }

    private PaperIndexed awaitIndexed(KafkaConsumer<String, byte[]> consumer, String title) {
        ConsumerRecord<String, byte[]> r = TestKafka.await(consumer,
                rec -> indexedReader.deserialize(rec.topic(), rec.value()).paper().title().equals(title),
                Duration.ofSeconds(30));
        return indexedReader.deserialize(r.topic(), r.value());
    }

    @Test
    void fourSourcesBecomeOnePaperThatIsSearchableAndStable() {
        PaperExtracted preprint = Fixtures.record("biorxiv-preprint");
        PaperExtracted pubmed = Fixtures.record("pubmed");
        PaperExtracted crossref = Fixtures.record("crossref");
        PaperExtracted europepmc = Fixtures.record("europepmc");
        try (KafkaConsumer<String, byte[]> indexed = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
            // A preprint, then its published version from PubMed: two papers until a record links them.
            send(preprint);
            PaperIndexed first = awaitIndexed(indexed, preprint.paper().title());
            assertThat(first.change()).isEqualTo(PaperIndexed.Change.CREATED);
            String paperId = first.paperId();

            send(pubmed);
            PaperIndexed published = awaitIndexed(indexed, pubmed.paper().title());
            assertThat(published.paperId()).isNotEqualTo(paperId);
            String absorbedId = published.paperId();

            // Crossref names the preprint: the two papers become one, which keeps both ids.
            send(crossref);
            PaperIndexed merged = awaitIndexed(indexed, pubmed.paper().title());
            while (!merged.paperId().equals(paperId) || merged.sources().size() < 3) {
                merged = awaitIndexed(indexed, pubmed.paper().title());
            }
            assertThat(merged.paper().ids().doi()).isEqualTo(DOI);
            assertThat(merged.paper().ids().preprintDoi()).isEqualTo(PREPRINT_DOI);
            assertThat(merged.paper().journal().title()).isEqualTo("Cancer Letters");

            send(europepmc);
            PaperIndexed withPmc = awaitIndexed(indexed, pubmed.paper().title());
            while (withPmc.paper().ids().pmcid() == null) {
                withPmc = awaitIndexed(indexed, pubmed.paper().title());
            }
            assertThat(withPmc.paperId()).isEqualTo(paperId);
            assertThat(withPmc.sources()).containsExactly("biorxiv", "crossref", "europepmc", "pubmed");
            // Announced after the commit: the catalog already serves this version.
            long version = withPmc.version();
            given().get("/internal/v1/papers/" + paperId).then().statusCode(200).body("version",
                    equalTo((int) version));

            // Every id finds the same paper, including the id of the paper that was merged away.
            for (String id : List.of("doi:" + DOI, DOI, "https://doi.org/" + DOI.toUpperCase(), "pmid:38765432",
                    "38765432", "PMC11100001", "pmcid:PMC11100001", "doi:" + PREPRINT_DOI, absorbedId)) {
                given().get("/internal/v1/papers/" + id).then().statusCode(200).body("id", equalTo(paperId));
            }
            Response view = given().get("/internal/v1/papers/pmid:38765432");
            view.then().body("ids.pmcid", equalTo("PMC11100001")).body("sources", hasSize(4))
                    .body("title", equalTo(pubmed.paper().title()))
                    .body("abstractSections", hasSize(2))
                    .body("entities.find { it.id == 'MESH:D008545' }.mentions", hasSize(2))
                    .body("summary.relevance.label", equalTo("RELEVANT"));

            // Redelivery and a full replay: no new paper, version or mention, and nothing announced.
            for (PaperExtracted r : List.of(preprint, pubmed, crossref, europepmc, pubmed, crossref)) {
                send(r);
            }
            assertThat(drain(indexed, Duration.ofSeconds(4))).isEmpty();
            given().get("/internal/v1/papers/" + paperId).then().body("version", equalTo((int) version))
                    .body("entities.find { it.id == 'MESH:D008545' }.mentions", hasSize(2));
            given().queryParam("q", "doi:\"" + DOI + "\"").get("/internal/v1/search").then().statusCode(200)
                    .body("total", equalTo(1));

            // A newer version of the PubMed record wins; the older one arriving after it changes nothing.
            PaperExtracted corrected = new PaperExtracted(1, pubmed.paperKey(), "1.3.0",
                    new SourceRecord("pubmed", "38765432", pubmed.source().contentType(), "a2",
                            Instant.parse("2024-08-01T00:00:00Z"), null, "ev-cancer"),
                    new org.evwatch.events.Paper(pubmed.paper().ids(), pubmed.paper().title() + " (corrected)",
                            pubmed.paper().abstractSections(), pubmed.paper().authors(), pubmed.paper().journal(),
                            pubmed.paper().dates(), pubmed.paper().publicationTypes(), pubmed.paper().keywords(),
                            pubmed.paper().meshHeadings(), null, null, null, List.of()),
                    pubmed.entities(), pubmed.summary(), Instant.parse("2024-08-01T00:00:10Z"));
            send(corrected);
            PaperIndexed updated = awaitIndexed(indexed, corrected.paper().title());
            assertThat(updated.change()).isEqualTo(PaperIndexed.Change.UPDATED);
            assertThat(updated.version()).isEqualTo(version + 1);
            send(pubmed);
            assertThat(drain(indexed, Duration.ofSeconds(4))).isEmpty();
            given().get("/internal/v1/papers/" + paperId).then().body("title", equalTo(corrected.paper().title()));

            // Searchable soon after it was announced: the index refreshes every second (a slow machine takes longer).
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().queryParam("q", "corrected")
                    .get("/internal/v1/search").then().body("total", equalTo(1)).body("hits[0].id", equalTo(paperId)));
        }

        Response search = given().queryParam("q", "exosomal melanoma").queryParam("entity", "MESH:D008545")
                .queryParam("relevance", "relevant").get("/internal/v1/search");
        search.then().statusCode(200).body("total", equalTo(1)).body("hits[0].id", equalTo(first(search)))
                .body("hits[0].highlights.title", org.hamcrest.Matchers.containsString("<mark>"))
                .body("facets.source.value", hasItem("europepmc"))
                .body("facets.entity.find { it.value == 'MESH:D008545' }.count", equalTo(1))
                .body("facets.entity.find { it.value == 'MESH:D008545' }.label", equalTo("Melanoma"));

        given().queryParam("prefix", "MELA").get("/internal/v1/entities").then().statusCode(200)
                .body("[0].id", equalTo("MESH:D008545")).body("[0].papers", equalTo(1));
        given().get("/internal/v1/entities/MESH:D008545").then().statusCode(200).body("name", equalTo("Melanoma"));
        given().get("/internal/v1/entities/NOPE:1").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/internal/v1/stats").then().statusCode(200).body("papersPerYear.'2024'",
                org.hamcrest.Matchers.greaterThanOrEqualTo(1));
    }

    private static String first(Response r) {
        return r.jsonPath().getString("hits[0].id");
    }

    @Test
    void badQueriesAndParametersAreProblems() {
        given().queryParam("q", "exosome AND").get("/internal/v1/search").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400)).body("position", equalTo(8))
                .body("title", equalTo("Query syntax error"));
        given().queryParam("size", 0).get("/internal/v1/search").then().statusCode(400).body("parameter",
                equalTo("size"));
        given().queryParam("sort", "title").get("/internal/v1/search").then().statusCode(400);
        given().queryParam("from", "yesterday").get("/internal/v1/search").then().statusCode(400).body("parameter",
                equalTo("from"));
        given().queryParam("cursor", "bm9wZQ").get("/internal/v1/search").then().statusCode(400).body("parameter",
                equalTo("cursor"));
        given().queryParam("facets", "color").get("/internal/v1/search").then().statusCode(400);
        // The contract is published as OpenAPI.
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/internal/v1/search'.get.parameters.name", hasItem("cursor"))
                .body("paths", org.hamcrest.Matchers.hasKey("/internal/v1/papers/{id}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/internal/v1/entities"))
                .body("paths", org.hamcrest.Matchers.hasKey("/internal/v1/stats"))
                .body("paths", org.hamcrest.Matchers.hasKey("/internal/v1/admin/reindex"));
    }

    @Test
    void reindexRebuildsWhileSearchKeepsAnswering() {
        long before = given().get("/internal/v1/search").jsonPath().getLong("total");
        given().post("/internal/v1/admin/reindex").then().statusCode(202).body("state",
                org.hamcrest.Matchers.oneOf("running", "done"));
        given().get("/internal/v1/search").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/internal/v1/admin/reindex").then()
                .body("state", equalTo("done")));
        long catalog = given().get("/internal/v1/stats").jsonPath().getLong("papers");
        assertThat(given().get("/internal/v1/search").jsonPath().getLong("total")).isEqualTo(catalog)
                .isGreaterThanOrEqualTo(before);
    }
}
