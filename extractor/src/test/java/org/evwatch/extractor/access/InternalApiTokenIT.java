package org.evwatch.extractor.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.evwatch.events.ContentTypes;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The extractor opened beyond loopback with a service token: its API needs the token, its health does not. */
@QuarkusTest
@TestProfile(InternalApiTokenIT.OpenWithToken.class)
@QuarkusTestResource(KafkaAndPostgresResource.class)
class InternalApiTokenIT {

    static final String TOKEN = "extractor-test-token-0123456789";
    static final String RECORD = """
            <PubmedArticle><MedlineCitation><PMID Version="1">99400002</PMID><Article>
            <ArticleTitle>Plasma exosomes in glioma</ArticleTitle></Article></MedlineCitation></PubmedArticle>""";

    public static final class OpenWithToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host", "0.0.0.0", "evwatch.internal.token", TOKEN);
        }
    }

    @Test
    void withoutTheTokenTheApiAnswers401AProblemSayingWhatToSend() {
        given().contentType(ContentTypes.PUBMED_XML).body(RECORD).post("/internal/v1/extract").then()
                .statusCode(401).contentType(containsString("application/problem+json"))
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("title", equalTo("Unauthorized"))
                .body("detail", containsString("Authorization: Bearer <token>"));
        given().auth().oauth2("not-the-token").contentType(ContentTypes.PUBMED_XML).body(RECORD)
                .post("/internal/v1/extract").then().statusCode(401)
                .body("detail", containsString("evwatch.internal.token"));
        given().get("/q/openapi").then().statusCode(401);
        given().get("/no/such/path").then().statusCode(401);
    }

    @Test
    void withTheTokenTheApiAnswers() {
        given().auth().oauth2(TOKEN).contentType(ContentTypes.PUBMED_XML).body(RECORD).post("/internal/v1/extract")
                .then().statusCode(200).body("paperKey", equalTo("pmid:99400002"));
        given().auth().oauth2(TOKEN).get("/no/such/path").then().statusCode(404);
    }

    @Test
    void healthStaysOpen() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
