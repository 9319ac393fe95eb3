package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Summary;
import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.gateway.testsupport.Papers;
import org.evwatch.gateway.testsupport.SseClient;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * Search, suggestions and saved queries that know the names the extractor linked to entities, through the gateway
 * and the real indexer holding the fixture papers: the pancreatic cancer paper's text says "pancreatic cancer", which
 * the extractor linked to MESH:D010190, "Pancreatic Neoplasms".
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
class EntityNamesIT {

    private static final String PROBLEM = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> PANCREATIC = Map.of("term", "pancreatic cancer", "entityId",
            "MESH:D010190", "type", "DISEASE", "name", "Pancreatic Neoplasms");

    @TestHTTPResource("/")
    String base;

    @Test
    void suggestionsNameEntitiesByTheNamesPapersUsedWithTheirPapers() {
        given().queryParam("prefix", "Pancr").get("/api/v1/entities/suggest").then().statusCode(200)
                .contentType("application/json")
                .body("", equalTo(List.of(Map.of("text", "pancreatic cancer", "id", "MESH:D010190", "type",
                        "DISEASE", "name", "Pancreatic Neoplasms", "papers", 1))));
        given().queryParam("prefix", "mir-2").get("/api/v1/entities/suggest").then().statusCode(200)
                .body("[0].id", equalTo("MIMAT0000076")).body("[0].papers", equalTo(2));
        given().queryParam("prefix", "zzz").get("/api/v1/entities/suggest").then().statusCode(200)
                .body("", equalTo(List.of()));
        given().queryParam("prefix", "pancr").queryParam("limit", 0).get("/api/v1/entities/suggest").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("'limit'"));
    }

    @Test
    void aSearchSaysWhichWordsItAlsoSearchedAsEntities() {
        given().queryParam("q", "\"pancreatic cancer\"").get("/api/v1/papers").then().statusCode(200)
                .body("total", equalTo(1)).body("expansions", equalTo(List.of(PANCREATIC)));
        given().queryParam("q", "title:glypican").get("/api/v1/papers").then().statusCode(200)
                .body("expansions", equalTo(List.of()));
        given().queryParam("q", "entity:\"pancreatic cancer\"").get("/api/v1/papers").then().statusCode(200)
                .body("hits.id", equalTo(List.of("p-000042")));
        given().queryParam("q", "entity:\"no such entity\"").get("/api/v1/papers").then().statusCode(400)
                .contentType(PROBLEM).body("position", equalTo(7))
                .body("detail", containsString("no entity is named 'no such entity'"));
    }

    @Test
    void aQueryStreamMatchesANewPaperAnnotatedWithTheEntityItNamesUnderAnotherName() throws Exception {
        String q = URLEncoder.encode("\"pancreatic cancer\"", StandardCharsets.UTF_8);
        try (SseClient stream = new SseClient(base + "api/v1/stream?q=" + q)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(":", Duration.ofSeconds(15))).as("stream opened").isNotNull();
            PaperIndexed annotated = withoutText(Papers.fresh("exosome-pdac", null), true);
            String data = null;
            // The first papers may pass before the gateway's consumer has joined: publish until one arrives.
            for (int i = 0; i < 12 && data == null; i++) {
                Papers.publish(withoutText(Papers.fresh("exosome-pdac", null), false));
                Papers.publish(annotated);
                data = stream.next("data:", Duration.ofSeconds(5));
            }
            assertThat(data).as("the annotated paper arrives").isNotNull();
            assertThat(JSON.readTree(data.substring(5).trim()).at("/paper/id").asText())
                    .as("only the paper annotated with the entity").isEqualTo(annotated.paperId());
        }
    }

    /**
     * The paper without any words saying "pancreatic cancer": a title of its own, no abstract, keywords or summary;
     * with its entities (the disease among them) or without any.
     */
    private static PaperIndexed withoutText(PaperIndexed base, boolean annotated) {
        Paper p = base.paper();
        Paper bare = new Paper(p.ids(), "Glypican-1 on circulating vesicles", List.of(), p.authors(), p.journal(),
                p.dates(), p.publicationTypes(), List.of(), List.of(), p.license(), p.language(), p.url(), List.of());
        return new PaperIndexed(base.schemaVersion(), base.paperId(), base.change(), base.version(),
                base.indexedAt(), bare, annotated ? base.entities() : List.of(), Summary.NONE, base.sources());
    }
}
