package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.fuzz.FuzzRequest;
import org.evwatch.testing.fuzz.FuzzResponse;
import org.evwatch.testing.fuzz.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * Requests that once got a 5xx or an error without a problem body: each now gets a 4xx problem naming what is wrong,
 * before anything reaches PostgreSQL, Lucene or the indexer.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
class ErrorContractIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN = "test-admin-key";

    @Test
    void aNulInAFeedTokenIsRefusedBeforeTheDatabase() throws Exception {
        JsonNode problem = raw("GET", "/api/v1/feeds/%00/atom", Map.of(), null, 400);
        assertThat(problem.path("detail").asText()).contains("U+0000");
    }

    @Test
    void entityIdsWithANulOrASemicolonAreBadRequestsNotCatalogFailures() throws Exception {
        assertThat(raw("GET", "/api/v1/entities/%00", Map.of(), null, 400).path("detail").asText()).contains("U+0000");
        given().get("/api/v1/entities/%3Bls").then().statusCode(400).contentType(PROBLEM)
                .body("detail", allOf(containsString("'id'"), containsString("ls")));
    }

    @Test
    void aRequestTargetPastTheLimitIsA414Problem() throws Exception {
        String longQuery = "/api/v1/papers?q=" + "a".repeat(10_000);
        assertThat(raw("GET", longQuery, Map.of(), null, 414).path("detail").asText()).contains("8192");
        // Between the old 4 KiB line limit and the target limit, a request is served.
        given().get("/api/v1/papers?q=exosome&pad=" + "p".repeat(5000))
                .then().statusCode(200);
    }

    @Test
    void malformedJsonIsA400ProblemSayingWhere() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\": \"broken\", ")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400)).body("detail", startsWith("The body is not the JSON expected"));
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"name\": [1]}")
                .post("/api/v1/subscriptions").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("'name'"));
    }

    @Test
    void aBadPercentEncodingIsA400Problem() throws Exception {
        assertThat(raw("GET", "/api/v1/papers/%", Map.of(), null, 400).path("detail").asText())
                .contains("percent-encoding");
    }

    @Test
    void anUnknownRelevanceInASubscriptionIsRefusedListingTheAllowedOnes() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "bogus relevance");
        body.put("filters", Map.of("relevance", new String[]{"BOGUS"}));
        given().auth().oauth2(ADMIN).contentType("application/json").body(body).post("/api/v1/subscriptions")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", allOf(containsString("BOGUS"), containsString("RELEVANT, BORDERLINE, OFF_TOPIC")));
        body.put("filters", Map.of("entityType", new String[]{"PLANET"}));
        given().auth().oauth2(ADMIN).contentType("application/json").body(body).post("/api/v1/subscriptions")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("EV_SUBTYPE"));
        // Search refuses the same value the same way.
        given().queryParam("relevance", "BOGUS").get("/api/v1/papers").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("RELEVANT, BORDERLINE, OFF_TOPIC"));
    }

    @Test
    void aBodyWithoutContentTypeIsA415Problem() throws Exception {
        JsonNode problem = raw("POST", "/api/v1/subscriptions", Map.of("Authorization", "Bearer " + ADMIN),
                "{\"name\":\"untyped\"}", 415);
        assertThat(problem.path("detail").asText()).contains("Content-Type");
    }

    /** Sends a request whose target must stay as written, and returns its problem after checking the status. */
    private static JsonNode raw(String method, String target, Map<String, String> headers, String body, int status)
            throws Exception {
        FuzzResponse response = new RawHttp("127.0.0.1", RestAssured.port).send(new FuzzRequest(0, method, target,
                headers, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith(PROBLEM);
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        return problem;
    }
}
