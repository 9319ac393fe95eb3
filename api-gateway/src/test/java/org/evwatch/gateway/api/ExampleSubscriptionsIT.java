package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.evwatch.events.Paper;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.testsupport.Fixtures;
import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.gateway.testsupport.Papers;
import org.evwatch.gateway.testsupport.WebhookReceiver;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions by example papers, over HTTP against the real indexer (holding the fixture papers, which give the
 * examples' profiles), real PostgreSQL and real Kafka: checked, stored, shown and edited; new papers like the examples
 * reach the webhook and unrelated ones do not; feedback changes the examples and what is delivered next.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
class ExampleSubscriptionsIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN = "test-admin-key";
    /** Glypican-1 exosomes in pancreatic cancer. */
    private static final String PDAC = "p-000042";
    /** Extracellular vesicle miR-21 from glioblastoma. */
    private static final String GLIOMA = "p-000044";

    @TestHTTPResource("/")
    String base;

    private static Response create(Object body) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .post("/api/v1/subscriptions");
    }

    private static Response feedback(String id, String paperId, boolean relevant) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("paperId", paperId, "relevant", relevant))
                .post("/api/v1/subscriptions/" + id + "/feedback");
    }

    private static Map<String, Object> example(String paperId, double weight) {
        return Map.of("paperId", paperId, "weight", weight);
    }

    @Test
    void examplesAreCheckedStoredShownAndEditable() {
        create(Map.of("name", "x", "examples", List.of(example("pmid:1", 1)), "threshold", 2)).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("'examples[0].paperId'"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(example(PDAC, 1));
        }
        create(Map.of("name", "x", "examples", many, "threshold", 2)).then().statusCode(400)
                .body("detail", containsString("'examples' has at most 50"));
        create(Map.of("name", "x", "examples", List.of(example(PDAC, 0)), "threshold", 2)).then()
                .statusCode(400).body("detail", containsString("'examples[0].weight'"));
        create(Map.of("name", "x", "examples", List.of(example(PDAC, 1)))).then().statusCode(400)
                .body("detail", containsString("'threshold'"));
        create(Map.of("name", "x", "examples", List.of(example(PDAC, 1)), "threshold", -1)).then()
                .statusCode(400).body("detail", containsString("'threshold'"));
        create(Map.of("name", "x", "q", "exosome", "avoid", List.of(example(GLIOMA, 1)))).then().statusCode(400)
                .body("detail", containsString("'examples' is required"));
        create(Map.of("name", "x", "examples", List.of(example(PDAC, 1), example(PDAC, 2)), "threshold", 2))
                .then().statusCode(400).body("detail", containsString("'examples[1].paperId' names the same"));

        Response created = create(Map.of("name", "Like GPC1 exosomes", "examples", List.of(example(PDAC, 2)),
                "avoid", List.of(Map.of("paperId", GLIOMA)), "threshold", 2.5));
        created.then().statusCode(201).body("q", equalTo("")).body("threshold", equalTo(2.5f))
                .body("examples", hasSize(1)).body("examples[0].paperId", equalTo(PDAC))
                .body("examples[0].weight", equalTo(2.0f)).body("avoid[0].paperId", equalTo(GLIOMA))
                .body("avoid[0].weight", equalTo(1.0f));
        String id = created.path("id");
        String added = created.path("examples[0].addedAt");
        given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("examples[0].paperId", equalTo(PDAC)).body("avoid[0].paperId", equalTo(GLIOMA))
                .body("threshold", equalTo(2.5f));

        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", "Like GPC1 exosomes", "q", "exosome", "examples",
                        List.of(example(PDAC, 3)), "threshold", 4))
                .put("/api/v1/subscriptions/" + id).then().statusCode(200).body("q", equalTo("exosome"))
                .body("examples[0].weight", equalTo(3.0f)).body("examples[0].addedAt", equalTo(added))
                .body("avoid", hasSize(0)).body("threshold", equalTo(4.0f));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("name", "by query", "q", "x"))
                .put("/api/v1/subscriptions/" + id).then().statusCode(200).body("examples", hasSize(0))
                .body("threshold", nullValue());
    }

    /**
     * In the catalog of three fixtures, a copy of an example under another title scores about 3 against it, the
     * fracture paper (common words only) near 0, and a copy of the avoided paper below 0; once that paper is an
     * example too, its copy scores about half its score against itself.
     */
    @Test
    void similarNewPapersReachTheWebhookAndFeedbackChangesWhatComesNext() throws Exception {
        Papers.awaitConsumer(base);
        try (WebhookReceiver receiver = new WebhookReceiver(null)) {
            Response created = create(Map.of("name", "Like GPC1 exosomes", "examples", List.of(example(PDAC, 1)),
                    "avoid", List.of(example(GLIOMA, 1)), "threshold", 0.5, "webhook",
                    Map.of("url", receiver.url())));
            created.then().statusCode(201);
            receiver.secret(created.path("webhook.secret"));
            String id = created.path("id");

            PaperIndexed glioma = fresh("glioma-ev-mirna");
            PaperIndexed unrelated = unrelated();
            PaperIndexed similar = Papers.fresh("exosome-pdac", "Serum glypican-1 exosomes in pancreatic cancer");
            Papers.publish(glioma);
            Papers.publish(unrelated);
            Papers.publish(similar);
            awaitDelivered(id, similar.paperId());
            Thread.sleep(2000);
            assertThat(delivered(id)).as("neither the avoided kind nor the unrelated paper")
                    .containsExactly(similar.paperId());
            assertThat(receiver.received()).hasSize(1).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());

            String feed = given().get(created.<String>path("links.jsonFeed").replaceFirst("^https?://[^/]+", ""))
                    .then().statusCode(200).extract().asString();
            assertThat(feed).as("the feed leaves out the examples and the papers to avoid")
                    .doesNotContain("\"" + PDAC + "\"", "\"id\":\"" + GLIOMA + "\"");

            feedback(id, GLIOMA, true).then().statusCode(200).body("examples.paperId", equalTo(List.of(PDAC,
                    GLIOMA))).body("examples[1].weight", equalTo(1.0f)).body("avoid", hasSize(0));
            PaperIndexed learned = fresh("glioma-ev-mirna");
            Papers.publish(learned);
            awaitDelivered(id, learned.paperId());

            feedback(id, PDAC, false).then().statusCode(200).body("examples.paperId", equalTo(List.of(GLIOMA)))
                    .body("avoid.paperId", equalTo(List.of(PDAC)));
            feedback(id, GLIOMA, false).then().statusCode(400).contentType(PROBLEM)
                    .body("detail", containsString("only example"));
            feedback(id, "pmid:1", true).then().statusCode(400).body("detail", containsString("'paperId'"));
            feedback("00000000-0000-0000-0000-000000000000", PDAC, true).then().statusCode(404);
            String byQuery = create(Map.of("name", "q", "q", "exosome")).then().statusCode(201).extract().path("id");
            feedback(byQuery, PDAC, true).then().statusCode(400).body("detail", containsString("no examples"));
        }
    }

    /** A catalog fixture (not one of those announced as {@code papers.indexed}) under a fresh id, as a new paper. */
    private static PaperIndexed fresh(String fixture) {
        PaperExtracted e = Fixtures.extracted(fixture);
        return new PaperIndexed(PaperIndexed.SCHEMA_VERSION, "p-" + UUID.randomUUID(), PaperIndexed.Change.CREATED,
                1, Instant.now(), e.paper(), e.entities().stream().map(x -> new PaperIndexed.EntityCount(x.type(),
                        x.id(), x.name(), x.mentions().size())).toList(),
                e.summary(), List.of("pubmed"));
    }

    /** A paper on bone fractures, sharing nothing but common words with the fixtures. */
    private static PaperIndexed unrelated() {
        PaperIndexed base = Papers.fresh("exosome-pdac", null);
        Paper p = base.paper();
        Paper paper = new Paper(p.ids(), "Healing of tibial shaft fractures in elderly adults",
                List.of(new Paper.AbstractSection(null, "Time to union after intramedullary nailing of tibial "
                        + "fractures in a cohort of elderly adults.")),
                p.authors(), p.journal(), p.dates(), p.publicationTypes(), List.of(), List.of(), p.license(),
                p.language(), p.url(), List.of());
        return new PaperIndexed(base.schemaVersion(), base.paperId(), base.change(), base.version(),
                Instant.now(), paper, List.of(), base.summary(), base.sources());
    }

    private static List<String> delivered(String id) {
        return given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id + "/deliveries").then()
                .statusCode(200).extract().jsonPath().getList("paperId", String.class);
    }

    private static void awaitDelivered(String id, String paperId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> delivered(id).contains(paperId));
    }
}
