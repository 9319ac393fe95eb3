package org.evwatch.gateway.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.fuzz.HttpFuzz;
import org.evwatch.testing.fuzz.RawHttp;
import org.evwatch.testing.fuzz.RequestGenerator;
import org.evwatch.testing.openapi.DocumentedStatuses;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile requests at the gateway on its real port, with the real indexer behind it, and at the
 * indexer's internal API: none may get a 5xx, every 4xx must be a problem, and every answer of a documented operation of
 * the gateway has a status its OpenAPI document lists. The rate limits are lifted so that the
 * requests reach the resources instead of stopping at 429.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
@TestProfile(HttpFuzzIT.Unlimited.class)
class HttpFuzzIT {

    public static final class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evwatch.gateway.security.per-ip.burst", "1000000",
                    "evwatch.gateway.security.per-ip.per-second", "1000000",
                    "evwatch.gateway.security.per-key.burst", "1000000",
                    "evwatch.gateway.security.per-key.per-second", "1000000");
        }
    }

    private static final List<String> SEARCH_PARAMETERS = List.of("q", "entity", "entityType", "from", "to",
            "journal", "pubType", "source", "relevance", "sort", "size", "cursor", "facets", "highlight", "format",
            "limit", "prefix", "type");

    @Test
    void theGatewayAnswersEveryRequestByTheErrorContract() throws Exception {
        long seed = HttpFuzz.seed();
        List<String> paths = List.of("/api/v1/papers", "/api/v1/papers/{}", "/api/v1/papers/doi:10.1038/{}",
                "/api/v1/entities", "/api/v1/entities/{}", "/api/v1/entities/MESH:{}", "/api/v1/stats",
                "/api/v1/subscriptions", "/api/v1/subscriptions/{}", "/api/v1/subscriptions/{}/deliveries",
                "/api/v1/subscriptions/{}/email-deliveries", "/api/v1/subscriptions/{}/feedback",
                "/api/v1/mail/confirm", "/api/v1/mail/unsubscribe",
                "/api/v1/feeds/{}/atom", "/api/v1/feeds/{}/json", "/api/v1/feeds/{}/rss", "/api/v1/stream",
                "/api/v1/admin/keys", "/api/v1/admin/keys/{}", "/api/v1/admin/reindex", "/api/{}", "/{}",
                "/q/health/{}", "/q/openapi", "/");
        List<String> bodies = List.of(
                "{\"name\":\"fuzz\",\"q\":\"exosome\",\"filters\":{\"relevance\":[\"RELEVANT\"],\"entityType\":"
                        + "[\"DISEASE\"],\"from\":\"2020-01-01\",\"source\":[\"pubmed\"]},\"webhook\":null}",
                "{\"name\":\"lab\",\"role\":\"USER\"}", "{\"paperId\":\"p-000042\",\"relevant\":true}");
        var generator = new RequestGenerator(seed, paths, SEARCH_PARAMETERS, bodies,
                Map.of("Authorization", "Bearer test-admin-key"));
        var contract = DocumentedStatuses.of(new ObjectMapper().readTree(
                RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString()));
        HttpFuzz.run("the gateway", new RawHttp("127.0.0.1", RestAssured.port), generator, 5000, seed, contract);
    }

    @Test
    void theIndexerInternalApiAnswersEveryRequestByTheErrorContract() throws Exception {
        long seed = HttpFuzz.seed();
        URI indexer = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.indexer.url", String.class));
        List<String> paths = List.of("/internal/v1/search", "/internal/v1/papers/{}",
                "/internal/v1/papers/{}/profile", "/internal/v1/entities",
                "/internal/v1/entities/{}", "/internal/v1/stats", "/internal/v1/reindex", "/internal/v1/{}", "/{}");
        var generator = new RequestGenerator(seed, paths, SEARCH_PARAMETERS, List.of(), Map.of());
        HttpFuzz.run("the indexer", new RawHttp(indexer.getHost(), indexer.getPort()), generator, 2000, seed);
    }
}
