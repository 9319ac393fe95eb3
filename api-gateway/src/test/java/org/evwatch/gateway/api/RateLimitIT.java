package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/** Rate limits with small buckets and a slow refill, so a short burst runs into them. */
@QuarkusTest
@TestProfile(RateLimitIT.SmallBuckets.class)
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
class RateLimitIT {

    public static final class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("evwatch.gateway.security.per-ip.burst", "5",
                    "evwatch.gateway.security.per-ip.per-second", "0.1",
                    "evwatch.gateway.security.per-key.burst", "8",
                    "evwatch.gateway.security.per-key.per-second", "0.1");
        }
    }

    @Test
    void anonymousCallsAreLimitedPerAddressAndKeyedCallsPerKey() {
        int ok = 0;
        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response r = given().get("/api/v1/stats");
            if (r.statusCode() == 200) {
                ok++;
            } else {
                refused = r;
            }
        }
        assertThat(ok).isEqualTo(5);
        assertThat(refused).isNotNull();
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 10L);

        // A key has its own bucket: the address being limited does not stop it.
        int keyed = 0;
        for (int i = 0; i < 8; i++) {
            if (given().auth().oauth2("test-admin-key").get("/api/v1/stats").statusCode() == 200) {
                keyed++;
            }
        }
        assertThat(keyed).isEqualTo(8);
        given().auth().oauth2("test-admin-key").get("/api/v1/stats").then().statusCode(429);
        // The web page and documentation are not rate limited.
        given().get("/").then().statusCode(200);
    }
}
