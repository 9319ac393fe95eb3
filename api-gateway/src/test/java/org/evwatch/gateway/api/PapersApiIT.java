package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * Contract tests of the public paper, entity and stats endpoints, against the real indexer holding the fixture papers
 * under {@code src/test/resources/papers}; PostgreSQL and Kafka are real.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
class PapersApiIT {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void searchAnswersJsonWithHitsFacetsAndACursor() {
        given().queryParam("q", "exosome").queryParam("size", 1)
                .when().get("/api/v1/papers")
                .then().statusCode(200).contentType("application/json")
                .body("total", equalTo(1))
                .body("hits", hasSize(1))
                .body("hits[0].id", equalTo("p-000042"))
                .body("hits[0].tldr", startsWith("Circulating GPC1+"))
                .body("hits[0].entities.id", hasItems("MESH:D010190", "NCBIGene:2817"))
                .body("hits[0].highlights.title", containsString("<mark>"))
                .body("facets.entityType.value", hasItems("DISEASE", "MIRNA"))
                .body("nextCursor", nullValue());
    }

    @Test
    void theTimelineOfTheMatchesPassesThroughWhenAskedFor() {
        // The fixtures count as published on 2015-07-09, 2023-05-20 and 2024-01(-01); only the first has an EV
        // subtype (exosome), two have a disease (pancreatic neoplasms, glioblastoma), none an EV marker.
        given().queryParam("timeline", true).get("/api/v1/papers").then().statusCode(200)
                .body("timeline.undated", equalTo(0))
                .body("timeline.years.period", equalTo(List.of("2015", "2016", "2017", "2018", "2019", "2020",
                        "2021", "2022", "2023", "2024")))
                .body("timeline.years.count", equalTo(List.of(1, 0, 0, 0, 0, 0, 0, 0, 1, 1)))
                .body("timeline.years[0].from", equalTo("2015-01-01"))
                .body("timeline.years[0].to", equalTo("2015-12-31"))
                .body("timeline.months", hasSize(24))
                .body("timeline.entities.id", containsInAnyOrder("EV:subtype/exosome", "MESH:D010190",
                        "MESH:D005909"))
                .body("timeline.entities.find { it.id == 'EV:subtype/exosome' }.type", equalTo("EV_SUBTYPE"))
                .body("timeline.entities.find { it.id == 'EV:subtype/exosome' }.years.count",
                        equalTo(List.of(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        // Filtered, the timeline counts only the matches; not asked for, it is null.
        given().queryParam("timeline", true).queryParam("entity", "MESH:D005909").get("/api/v1/papers").then()
                .statusCode(200).body("timeline.years.period", equalTo(List.of("2023")))
                .body("timeline.entities.id", equalTo(List.of("MESH:D005909")));
        given().get("/api/v1/papers").then().statusCode(200).body("timeline", nullValue());
    }

    @Test
    void cursorPagingWalksEveryResultOnce() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var req = given().queryParam("size", 2).queryParam("sort", "date");
            if (cursor != null) {
                req.queryParam("cursor", cursor);
            }
            Response r = req.get("/api/v1/papers");
            r.then().statusCode(200);
            ids.addAll(r.jsonPath().getList("hits.id"));
            cursor = r.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(2);
        assertThat(ids).containsExactlyInAnyOrder("p-000042", "p-000043", "p-000044");
    }

    @Test
    void filtersAreForwardedToTheCatalog() {
        Map<String, List<String>> matching = new LinkedHashMap<>();
        matching.put("q", List.of("exosome"));
        matching.put("entity", List.of("MESH:D010190", "NCBIGene:2817"));
        matching.put("entityType", List.of("DISEASE"));
        matching.put("from", List.of("2015-01-01"));
        matching.put("to", List.of("2016-12-31"));
        matching.put("journal", List.of("Nature"));
        matching.put("pubType", List.of("Journal Article"));
        matching.put("source", List.of("pubmed"));
        matching.put("relevance", List.of("RELEVANT"));
        given().queryParams(matching).queryParam("sort", "date").get("/api/v1/papers").then().statusCode(200)
                .body("total", equalTo(1)).body("hits.id", equalTo(List.of("p-000042")));
        // Each filter reaches the catalog: changed alone to a value the paper lacks, it leaves nothing.
        Map<String, String> excluding = Map.of("q", "microglia", "entity", "MESH:D005909", "entityType",
                "SPECIES", "from", "2016-01-01", "to", "2015-01-01", "journal", "Molecular Cancer", "pubType",
                "Preprint", "source", "europepmc", "relevance", "OFF_TOPIC");
        excluding.forEach((name, value) -> {
            Map<String, List<String>> changed = new LinkedHashMap<>(matching);
            changed.put(name, List.of(value));
            given().queryParams(changed).get("/api/v1/papers").then().statusCode(200)
                    .body("total", equalTo(0)).body("hits", hasSize(0));
        });
        // The sort order too: newest first.
        given().queryParam("sort", "date").get("/api/v1/papers").then().statusCode(200)
                .body("hits.id", equalTo(List.of("p-000043", "p-000044", "p-000042")));
    }

    @Test
    void aQuerySyntaxErrorIsA400NamingThePosition() {
        given().queryParam("q", "exosome AND (cancer")
                .when().get("/api/v1/papers")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", equalTo("Query syntax error"))
                .body("position", notNullValue())
                .body("instance", equalTo("/api/v1/papers"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")));
    }

    @Test
    void badParametersAreProblems() {
        given().queryParam("size", 0).get("/api/v1/papers").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("size"));
        given().queryParam("size", 101).get("/api/v1/papers").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("sort", "title").get("/api/v1/papers").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("from", "2024-13-01").get("/api/v1/papers").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("from"));
        given().queryParam("from", "2024-01-01").queryParam("to", "2023-01-01").get("/api/v1/papers")
                .then().statusCode(400).contentType(PROBLEM);
        given().queryParam("size", "many").get("/api/v1/papers").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("format", "endnote").get("/api/v1/papers").then().statusCode(400).contentType(PROBLEM);
        // The catalog's own 400 (a stale cursor) passes through as a problem.
        given().queryParam("cursor", "bad").get("/api/v1/papers").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("cursor"));
    }

    @Test
    void aPaperIsFoundByAnyOfItsIds() {
        for (String id : List.of("p-000042", "doi:10.1038/s41586-024-00001-x", "10.1038/s41586-024-00001-x",
                "pmid:38000001", "38000001", "PMC11000001")) {
            given().get("/api/v1/papers/" + id).then().statusCode(200).contentType("application/json")
                    .body("id", equalTo("p-000042"))
                    .body("summary.keyFindings", hasSize(1))
                    .body("entities[0].mentions[0].section", equalTo("title"))
                    .body("sources[0].source", equalTo("pubmed"));
        }
        given().get("/api/v1/papers/doi:10.9999/missing").then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
    }

    @Test
    void similarPapersNameWhatTheyShareAndSimilarSearchesForThem() {
        // The pancreatic-cancer paper and the glioblastoma one share miR-21, in words and as an entity.
        given().get("/api/v1/papers/doi:10.1038/s41586-024-00001-x/similar").then().statusCode(200)
                .contentType("application/json").body("paperId", equalTo("p-000042"))
                .body("similar", hasSize(1))
                .body("similar[0].paper.title", containsString("glioblastoma"))
                .body("similar[0].sharedEntities.id", hasItem("MIMAT0000076"))
                .body("similar[0].sharedTerms", hasItem("mir"));
        given().queryParam("q", "similar:p-000042").get("/api/v1/papers").then().statusCode(200)
                .body("total", equalTo(1)).body("hits[0].title", containsString("glioblastoma"));
        given().queryParam("q", "similar:p-000042").queryParam("entityType", "CELL_LINE").get("/api/v1/papers")
                .then().statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/papers/pmid:1/similar").then().statusCode(404).contentType(PROBLEM);
        given().queryParam("limit", 51).get("/api/v1/papers/p-000042/similar").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("limit"));
        given().queryParam("limit", "ten").get("/api/v1/papers/p-000042/similar").then().statusCode(400)
                .contentType(PROBLEM);
        given().queryParam("q", "similar:nope").get("/api/v1/papers").then().statusCode(400).contentType(PROBLEM)
                .body("position", equalTo(8));
    }

    @Test
    void aPaperExportsAsRisBibtexAndCslByParameterOrAcceptHeader() throws Exception {
        given().queryParam("format", "ris").get("/api/v1/papers/p-000042").then().statusCode(200)
                .contentType(startsWith("application/x-research-info-systems"))
                .header("Content-Disposition", containsString("evwatch-p-000042.ris"))
                .body(startsWith("TY  - JOUR\r\n"));
        given().accept("application/x-bibtex").get("/api/v1/papers/p-000042").then().statusCode(200)
                .contentType(startsWith("application/x-bibtex")).body(startsWith("@article{melo2015glypican,"));
        String csl = given().accept("application/vnd.citationstyles.csl+json").get("/api/v1/papers/p-000042")
                .then().statusCode(200).contentType(startsWith("application/vnd.citationstyles.csl+json"))
                .extract().asString();
        JsonNode items = new ObjectMapper().readTree(csl);
        assertThat(items.get(0).get("DOI").asText()).isEqualTo("10.1038/s41586-024-00001-x");
        given().accept("application/json").get("/api/v1/papers/p-000042").then().statusCode(200)
                .contentType("application/json");
    }

    @Test
    void aSearchPageExportsWithFullRecords() {
        String ris = given().queryParam("format", "ris").queryParam("sort", "date").get("/api/v1/papers")
                .then().statusCode(200).extract().asString();
        assertThat(ris.split("ER  - \r\n", -1)).hasSize(4);
        assertThat(ris).contains("AB  - Exosomes carry tumour cargo", "DO  - 10.1186/s12943-023-01801-2");
        given().accept("application/x-bibtex").get("/api/v1/papers").then().statusCode(200)
                .body(containsString("@misc{mullernunez2024small,"));
    }

    @Test
    void entitiesListAutocompleteAndLookUp() {
        given().get("/api/v1/entities").then().statusCode(200).body("id", containsInAnyOrder("MIMAT0000076",
                "MESH:D010190", "NCBIGene:2817", "EV:subtype/exosome", "MESH:D005909"));
        given().queryParam("prefix", "GLIO").get("/api/v1/entities").then().statusCode(200)
                .body("id", equalTo(List.of("MESH:D005909")));
        given().queryParam("prefix", "p").queryParam("type", "disease").get("/api/v1/entities").then()
                .statusCode(200).body("name", equalTo(List.of("Pancreatic Neoplasms")));
        given().queryParam("type", "PLANET").get("/api/v1/entities").then().statusCode(400).contentType(PROBLEM);
        given().queryParam("limit", 0).get("/api/v1/entities").then().statusCode(400).contentType(PROBLEM);
        given().get("/api/v1/entities/MESH:D010190").then().statusCode(200).body("papers", equalTo(1));
        given().get("/api/v1/entities/EV:subtype/exosome").then().statusCode(200).body("type",
                equalTo("EV_SUBTYPE"));
        given().get("/api/v1/entities/MESH:D000000").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void statsComeFromTheCatalog() {
        given().get("/api/v1/stats").then().statusCode(200)
                .body("papers", equalTo(3))
                .body("papersPerYear.2023", equalTo(1))
                .body("topEntities[0].id", equalTo("MIMAT0000076"));
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().contentType("application/json").body("{}").delete("/api/v1/stats").then().statusCode(405)
                .contentType(PROBLEM);
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperationAndSwaggerUiIsServed() {
        Response doc = given().queryParam("format", "json").get("/q/openapi");
        doc.then().statusCode(200);
        var paths = doc.jsonPath().getMap("paths");
        assertThat(paths).containsKeys("/api/v1/papers", "/api/v1/papers/{id}", "/api/v1/entities",
                "/api/v1/entities/{id}", "/api/v1/stats", "/api/v1/subscriptions", "/api/v1/subscriptions/{id}",
                "/api/v1/subscriptions/{id}/deliveries", "/api/v1/feeds/{token}/atom", "/api/v1/feeds/{token}/rss",
                "/api/v1/feeds/{token}/json", "/api/v1/feeds/{token}/stream", "/api/v1/stream",
                "/api/v1/admin/keys", "/api/v1/admin/reindex", "/api/v1/subscriptions/{id}/email-deliveries",
                "/api/v1/mail/confirm", "/api/v1/mail/unsubscribe");
        assertThat(doc.jsonPath().getMap("components.schemas")).containsKeys("Problem", "PaperView",
                "SearchResponse", "Subscription", "SubscriptionRequest", "Delivery", "PaperEvent", "EmailDelivery",
                "Email", "EmailRequest");
        // Every operation has a summary, a unique operationId, its security, and documents its errors as problems.
        java.util.Set<Object> operationIds = new java.util.HashSet<>();
        for (Object pathItem : paths.values()) {
            for (Object op : ((java.util.Map<?, ?>) pathItem).values()) {
                var operation = (java.util.Map<?, ?>) op;
                assertThat(operation.get("summary")).as("summary of %s", operation.get("operationId"))
                        .isNotNull();
                assertThat(operationIds.add(operation.get("operationId"))).as("unique operationId of %s",
                        operation.get("summary")).isTrue();
                assertThat(operation.get("operationId")).isNotNull();
                assertThat(operation.get("security")).as("security of %s", operation.get("summary")).isNotNull();
                var responses = (java.util.Map<?, ?>) operation.get("responses");
                assertThat(responses.keySet().stream().map(Object::toString).filter(s -> s.startsWith("4")))
                        .as("error responses of %s", operation.get("summary")).isNotEmpty();
            }
        }
        assertThat(doc.jsonPath().getList("servers.url")).as("without EVWATCH_PUBLIC_URL, the serving address")
                .containsExactly("/");
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void theWebPageIsServed() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("id=\"search-form\""));
        given().get("/app.js").then().statusCode(200);
    }
}
