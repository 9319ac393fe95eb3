package org.evwatch.extractor.rest;

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

/** Hostile requests at the extractor's internal API: no 5xx, every 4xx a problem. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class InternalApiFuzzIT {

    @Test
    void theInternalApiAnswersEveryRequestByTheErrorContract() throws Exception {
        long seed = HttpFuzz.seed();
        List<String> paths = List.of("/internal/v1/extract", "/internal/v1/extract", "/internal/v1/{}", "/{}",
                "/q/health/{}");
        List<String> bodies = List.of("{\"title\":\"Exosomes in cancer\",\"doi\":\"10.1/x\",\"abstract\":\"EVs\"}",
                "{\"collection\":[{\"doi\":\"10.1101/2024.05.14.594132\",\"title\":\"t\",\"date\":\"2024-05-14\"}]}");
        var generator = new RequestGenerator(seed, paths, List.of("format", "q"), bodies, Map.of());
        HttpFuzz.run("the extractor", new RawHttp("127.0.0.1", RestAssured.port), generator, 1500, seed);
    }
}
