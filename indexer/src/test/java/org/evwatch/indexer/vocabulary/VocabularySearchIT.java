package org.evwatch.indexer.vocabulary;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.evwatch.events.PaperExtracted;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Search that knows the names the extractor linked to entities, on the real broker and PostgreSQL: one paper writes
 * "exosomes", "NSCLC" and "TSPAN30"; the other writes "small extracellular vesicles", "non-small cell lung carcinoma"
 * and "CD63", linked to the same three entities. Each name finds both papers, the one that writes it first.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class VocabularySearchIT {

    private static final String LITERAL = "pmid:39000001";
    private static final String BY_ENTITY = "pmid:39000002";

    private static boolean indexed;

    @BeforeEach
    void indexBothPapersOnce() {
        if (indexed) {
            return;
        }
        indexed = true;
        for (String name : List.of("exosomes-nsclc", "small-vesicles-plasma")) {
            PaperExtracted r = fixture(name);
            TestKafka.send(Topics.PAPERS_EXTRACTED, r.paperKey(), EventJson.write(r));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().queryParam("q", "pmid:39000001 OR pmid:39000002")
                .get("/internal/v1/search").then().extract().path("total").equals(2));
    }

    private static PaperExtracted fixture(String name) {
        try (InputStream in = VocabularySearchIT.class.getResourceAsStream("/vocabulary/" + name + ".json")) {
            return EventJson.read(in.readAllBytes(), PaperExtracted.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog ids of the two papers, by PMID. */
    private static String id(String pmid) {
        return given().get("/internal/v1/papers/" + pmid).then().statusCode(200).extract().path("id");
    }

    /** The two papers' ids in the order a search ranks them; other tests' papers may be in the index too. */
    private static List<String> ranked(String q) {
        List<String> ours = List.of(id(LITERAL), id(BY_ENTITY));
        List<String> hits = given().queryParam("q", q).get("/internal/v1/search").then().statusCode(200).extract()
                .path("hits.id");
        return hits.stream().filter(ours::contains).toList();
    }

    @Test
    void aNameFindsPapersAnnotatedWithItsEntityRankedBelowThoseThatWriteIt() {
        List<String> literalFirst = List.of(id(LITERAL), id(BY_ENTITY));
        assertThat(ranked("exosome")).isEqualTo(literalFirst);
        given().queryParam("q", "exosome").get("/internal/v1/search").then().statusCode(200)
                .body("expansions", equalTo(List.of(Map.of("term", "exosome", "entityId", "EV:subtype/exosome",
                        "type", "EV_SUBTYPE", "name", "exosome"))));
        // Neither the text nor the names of the second paper hold TSPAN30 or NSCLC: it is found by its entities.
        assertThat(ranked("TSPAN30")).isEqualTo(literalFirst);
        given().queryParam("q", "TSPAN30").get("/internal/v1/search").then().statusCode(200)
                .body("expansions[0].entityId", equalTo("EV:marker/CD63"));
        assertThat(ranked("nsclc")).isEqualTo(literalFirst);
        given().queryParam("q", "nsclc").get("/internal/v1/search").then().statusCode(200)
                .body("expansions[0].name", equalTo("Carcinoma, Non-Small-Cell Lung"));
        // Field-qualified words are taken as written.
        assertThat(ranked("title:TSPAN30")).isEqualTo(List.of(id(LITERAL)));
        given().queryParam("q", "title:TSPAN30").get("/internal/v1/search").then().statusCode(200)
                .body("expansions", equalTo(List.of()));
    }

    @Test
    void entityTakesNamesAndRefusesUnknownOnes() {
        assertThat(ranked("entity:\"non-small cell lung carcinoma\" AND entity:TSPAN30")).hasSize(2);
        given().queryParam("q", "exosome entity:\"no such entity\"").get("/internal/v1/search").then()
                .statusCode(400).contentType("application/problem+json").body("position", equalTo(15))
                .body("detail", containsString("no entity is named 'no such entity'"));
        given().queryParam("q", "small EVs OR entity:TSPAN30").get("/internal/v1/search/expansions").then()
                .statusCode(200).body("entityId", equalTo(List.of("EV:marker/CD63")));
    }

    @Test
    void suggestionsNameEntitiesByAnyOfTheirNamesWithTheirPapers() {
        given().queryParam("prefix", "tsp").get("/internal/v1/entities/suggest").then().statusCode(200)
                .body("", equalTo(List.of(Map.of("text", "TSPAN30", "id", "EV:marker/CD63", "type", "EV_MARKER",
                        "name", "CD63", "papers", 2))));
        given().queryParam("prefix", "small extra").get("/internal/v1/entities/suggest").then().statusCode(200)
                .body("id", hasItem("EV:subtype/exosome"));
        given().queryParam("prefix", "tsp").queryParam("limit", 0).get("/internal/v1/entities/suggest").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void similarPapersMeetThroughSharedEntitiesInOtherWordsAndSayWhy() {
        String literal = id(LITERAL);
        String byEntity = id(BY_ENTITY);

        given().get("/internal/v1/papers/" + LITERAL + "/similar").then().statusCode(200)
                .body("paperId", equalTo(literal))
                .body("similar.paper.id", hasItem(byEntity))
                .body("similar.paper.id", org.hamcrest.Matchers.not(hasItem(literal)))
                .body("similar.find { it.paper.id == '" + byEntity + "' }.sharedEntities.id",
                        org.hamcrest.Matchers.hasItems("EV:marker/CD63", "MESH:D002289"))
                .body("similar.find { it.paper.id == '" + byEntity + "' }.paper.score",
                        org.hamcrest.Matchers.greaterThan(0f));
        assertThat(ranked("similar:" + byEntity)).containsExactly(literal);
        assertThat(ranked("similar:" + byEntity + " AND nsclc")).containsExactly(literal);
        assertThat(ranked("similar:" + byEntity + " AND year:1990")).isEmpty();
    }

    @Test
    void similarPapersOfAnUnknownPaperOrWithABadLimitAreProblems() {
        given().get("/internal/v1/papers/pmid:1/similar").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("limit", 0).get("/internal/v1/papers/" + LITERAL + "/similar").then().statusCode(400)
                .body("parameter", equalTo("limit"));
        given().queryParam("limit", 51).get("/internal/v1/papers/" + LITERAL + "/similar").then().statusCode(400);
        given().queryParam("limit", 1).get("/internal/v1/papers/" + LITERAL + "/similar").then().statusCode(200)
                .body("similar", org.hamcrest.Matchers.hasSize(1));
        given().queryParam("q", "similar:nope").get("/internal/v1/search").then().statusCode(400)
                .body("detail", containsString("nope")).body("position", equalTo(8));
    }
}
