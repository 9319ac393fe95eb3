package org.evwatch.fetcher.rest;

import java.util.List;
import java.util.Map;

import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.fuzz.HttpFuzz;
import org.evwatch.testing.fuzz.RawHttp;
import org.evwatch.testing.fuzz.RequestGenerator;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Hostile requests at the fetcher's internal API: no 5xx, every 4xx a problem. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class InternalApiFuzzIT {

    @Test
    void theInternalApiAnswersEveryRequestByTheErrorContract() throws Exception {
        long seed = HttpFuzz.seed();
        // Backfills only of the inbox, which has no date query and refuses them: no request reaches the internet.
        List<String> paths = List.of("/internal/v1/sources", "/internal/v1/sources/{}", "/internal/v1/sources/{}/poll",
                "/internal/v1/sources/{}/backfills", "/internal/v1/sources/inbox/backfills",
                "/internal/v1/sources/inbox", "/internal/v1/backfills/{}", "/internal/v1/{}", "/{}");
        List<String> bodies = List.of("{\"from\":\"2024-01-01\",\"to\":\"2024-01-31\",\"watchId\":\"ev-cancer\"}");
        var generator = new RequestGenerator(seed, paths, List.of("limit", "q"), bodies, Map.of());
        HttpFuzz.run("the fetcher", new RawHttp("127.0.0.1", RestAssured.port), generator, 1500, seed);
    }
}
