package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Paths nothing serves get a problem body too, while the page and the API keep working. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class UnmatchedRoutesIT {

    @Test
    void unknownPathIsAProblem() {
        given().get("/no/such/file.css").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(404)).body("instance", equalTo("/no/such/file.css"));
    }

    @Test
    void pageAndHealthAreStillServed() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
