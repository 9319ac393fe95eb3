package org.evwatch.extractor.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.evwatch.events.ContentTypes;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class ExtractorEndpointsIT {

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/internal/v1/extract"));
    }

    @Test
    void extractsOneRecordOnDemand() {
        String xml = """
                <PubmedArticle><MedlineCitation><PMID Version="1">99400001</PMID><Article>
                <ArticleTitle>Urinary extracellular vesicles carry PCA3 in prostate cancer</ArticleTitle>
                <Abstract><AbstractText>Urinary EVs were isolated by size-exclusion chromatography.</AbstractText>
                </Abstract></Article></MedlineCitation></PubmedArticle>""";
        given().contentType(ContentTypes.PUBMED_XML).body(xml).post("/internal/v1/extract").then().statusCode(200)
                .body("paper.title", equalTo("Urinary extracellular vesicles carry PCA3 in prostate cancer"))
                .body("paperKey", equalTo("pmid:99400001"))
                .body("entities.type", hasItem("EV_METHOD"));
    }

    @Test
    void unparseableRecordIsAProblemSayingWhy() {
        given().contentType(ContentTypes.PUBMED_XML).body("<PubmedArticle><Medline").post("/internal/v1/extract")
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("detail", containsString("XML"));
    }
}
