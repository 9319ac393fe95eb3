package org.evwatch.gateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Subscriptions, API keys, feeds and the request limits, over HTTP against real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
class SubscriptionsApiIT {

    private static final String PROBLEM = "application/problem+json";
    private static final String ADMIN = "test-admin-key";

    static String newKey(String name, String role) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", name, "role", role))
                .post("/api/v1/admin/keys").then().statusCode(201)
                .body("key", startsWith("evw_")).body("role", equalTo(role))
                .extract().path("key");
    }

    static Response create(String key, Object body) {
        return given().header("X-API-Key", key).contentType("application/json").body(body)
                .post("/api/v1/subscriptions");
    }

    @Test
    void subscriptionRoutesNeedAValidKey() {
        given().get("/api/v1/subscriptions").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("evw_not-a-real-key").get("/api/v1/subscriptions").then().statusCode(401)
                .contentType(PROBLEM);
        given().contentType("application/json").body(Map.of("name", "x", "q", "exosome"))
                .post("/api/v1/subscriptions").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void adminRoutesNeedAnAdminKeyAndRevokedKeysStopWorking() {
        String user = newKey("reader", "USER");
        given().auth().oauth2(user).get("/api/v1/subscriptions").then().statusCode(200);
        given().auth().oauth2(user).get("/api/v1/admin/keys").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(user).post("/api/v1/admin/reindex").then().statusCode(403).contentType(PROBLEM);
        given().get("/api/v1/admin/keys").then().statusCode(401).contentType(PROBLEM);

        Response keys = given().auth().oauth2(ADMIN).get("/api/v1/admin/keys");
        keys.then().statusCode(200).body("name", hasItem("reader")).body("key", not(hasItem(user)));
        assertThat(keys.asString()).as("stored keys are never shown again").doesNotContain(user);
        String id = keys.jsonPath().getString("find { it.name == 'reader' }.id");
        given().auth().oauth2(ADMIN).delete("/api/v1/admin/keys/" + id).then().statusCode(204);
        given().auth().oauth2(user).get("/api/v1/subscriptions").then().statusCode(401);
        given().auth().oauth2(ADMIN).delete("/api/v1/admin/keys/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("name", "x", "role", "KING"))
                .post("/api/v1/admin/keys").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(ADMIN).post("/api/v1/admin/reindex").then().statusCode(202)
                .body("state", equalTo("running"));
    }

    @Test
    void createReadReplaceDeleteASubscription() {
        String key = newKey("crud", "USER");
        Response created = create(key, Map.of("name", "PDAC exosomes", "q", "exosome pancreatic",
                "filters", Map.of("entityType", List.of("DISEASE"), "from", "2015-01-01")));
        created.then().statusCode(201).contentType("application/json")
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("id", notNullValue()).body("name", equalTo("PDAC exosomes"))
                .body("q", equalTo("exosome pancreatic"))
                .body("filters.entityType", equalTo(List.of("DISEASE")))
                .body("filters.from", equalTo("2015-01-01"))
                .body("links.atom", containsString("/api/v1/feeds/"))
                .body("links.rss", containsString("/rss"))
                .body("links.jsonFeed", containsString("/json"))
                .body("links.stream", containsString("/stream"))
                .body("webhook", nullValue());
        String id = created.path("id");
        given().auth().oauth2(key).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("name", equalTo("PDAC exosomes"));
        given().auth().oauth2(key).get("/api/v1/subscriptions").then().statusCode(200).body("id", hasItem(id));

        given().auth().oauth2(key).contentType("application/json")
                .body(Map.of("name", "Renamed", "q", "glioblastoma"))
                .put("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed")).body("q", equalTo("glioblastoma"))
                .body("links.atom", equalTo(created.path("links.atom")));

        given().auth().oauth2(key).delete("/api/v1/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(key).get("/api/v1/subscriptions/" + id).then().statusCode(404).contentType(PROBLEM);
        given().get(created.<String>path("links.atom").replaceFirst("^https?://[^/]+", "")).then().statusCode(404)
                .contentType(PROBLEM);
    }

    @Test
    void aKeySeesOnlyItsOwnSubscriptionsAndAdminsSeeAll() {
        String alice = newKey("alice", "USER");
        String bob = newKey("bob", "USER");
        String id = create(alice, Map.of("name", "alice's", "q", "exosome")).then().statusCode(201).extract()
                .path("id");
        given().auth().oauth2(bob).get("/api/v1/subscriptions/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(bob).delete("/api/v1/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(bob).get("/api/v1/subscriptions").then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(ADMIN).get("/api/v1/subscriptions").then().statusCode(200).body("id", hasItem(id));
        given().auth().oauth2(alice).get("/api/v1/subscriptions/" + id).then().statusCode(200);
        given().auth().oauth2(alice).get("/api/v1/subscriptions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void invalidSubscriptionsAreProblems() {
        create(ADMIN, Map.of("name", "bad", "q", "exosome AND (cancer")).then().statusCode(400)
                .contentType(PROBLEM).body("title", equalTo("Query syntax error")).body("position", notNullValue());
        // The catalog knows no entity by this name: the name's position, as for a syntax error.
        create(ADMIN, Map.of("name", "unknown entity", "q", "exosome entity:\"no such entity\"")).then()
                .statusCode(400).contentType(PROBLEM).body("position", equalTo(15))
                .body("detail", containsString("no entity is named 'no such entity'"));
        create(ADMIN, Map.of("q", "exosome")).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("name"));
        create(ADMIN, Map.of("name", "like one paper", "q", "similar:pmid:123")).then().statusCode(400)
                .contentType(PROBLEM).body("title", equalTo("Query syntax error"))
                .body("detail", containsString("similar:"));
        create(ADMIN, Map.of("name", "dates", "filters", Map.of("from", "2024-01-01", "to", "2020-01-01")))
                .then().statusCode(400).contentType(PROBLEM);
        create(ADMIN, "{\"name\": \"broken\", ").then().statusCode(400).contentType(PROBLEM)
                .body(not(containsString("Exception")));
        given().auth().oauth2(ADMIN).contentType("text/plain").body("name=x").post("/api/v1/subscriptions")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.2:8080/hook", "http://172.16.5.4/hook", "http://10.1.2.3/hook",
            "http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
            "http://[fd00::1]/hook", "http://[::ffff:10.0.0.1]/hook", "http://0.0.0.0/hook",
            "file:///etc/passwd", "ftp://example.org/x"})
    void webhookTargetsInPrivateRangesAreRefused(String url) {
        create(ADMIN, Map.of("name", "ssrf", "q", "exosome", "webhook", Map.of("url", url)))
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", containsString("webhook-target-refused"));
    }

    @Test
    void anAllowListedWebhookTargetIsAcceptedWithASecretShownOnce() {
        Response created = create(ADMIN, Map.of("name", "hooked", "q", "exosome",
                "webhook", Map.of("url", "http://127.0.0.1:9/hook")));
        created.then().statusCode(201).body("webhook.url", equalTo("http://127.0.0.1:9/hook"))
                .body("webhook.secret", startsWith("whsec_"));
        String id = created.path("id");
        given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("webhook.url", equalTo("http://127.0.0.1:9/hook")).body("webhook.secret", nullValue());
        given().auth().oauth2(ADMIN).get("/api/v1/subscriptions/" + id + "/deliveries").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        String huge = "{\"name\":\"" + "x".repeat(70_000) + "\"}";
        create(ADMIN, huge).then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void feedsAreValidAtomRssAndJsonFeedReadableByToken() throws Exception {
        Response created = create(ADMIN, Map.of("name", "Everything", "q", ""));
        String atomPath = created.<String>path("links.atom").replaceFirst("^https?://[^/]+", "");
        String rssPath = created.<String>path("links.rss").replaceFirst("^https?://[^/]+", "");
        String jsonPath = created.<String>path("links.jsonFeed").replaceFirst("^https?://[^/]+", "");

        String atomXml = given().get(atomPath).then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString();
        Feed atom = (Feed) new WireFeedInput(true, Locale.ROOT).build(new StringReader(atomXml));
        assertThat(atom.getTitle()).isEqualTo("EVwatch: Everything");
        assertThat(atom.getEntries()).hasSize(3);
        Entry first = atom.getEntries().stream().filter(e -> e.getId().endsWith("p-000042")).findFirst()
                .orElseThrow();
        assertThat(first.getSummary().getValue()).startsWith("Circulating GPC1+");
        assertThat(first.getCategories()).extracting(c -> c.getTerm()).contains("MESH:D010190");
        assertThat(first.getOtherLinks()).anySatisfy(l -> assertThat(l.getHref())
                .isEqualTo("https://doi.org/10.1038/s41586-024-00001-x"));

        String rssXml = given().get(rssPath).then().statusCode(200).contentType(startsWith("application/rss+xml"))
                .extract().asString();
        Channel rss = (Channel) new WireFeedInput(true, Locale.ROOT).build(new StringReader(rssXml));
        assertThat(rss.getItems()).hasSize(3);

        JsonNode json = new ObjectMapper().readTree(given().get(jsonPath).then().statusCode(200)
                .contentType(startsWith("application/feed+json")).extract().asString());
        assertThat(json.get("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(json.get("items")).hasSize(3);

        given().get("/api/v1/feeds/no-such-token/atom").then().statusCode(404).contentType(PROBLEM);
    }

    /** Without EVWATCH_PUBLIC_URL, absolute links name the address the client reached the gateway at. */
    @Test
    void linksPointWhereTheClientCameFrom() throws Exception {
        Response created = create(ADMIN, Map.of("name", "Links", "q", ""));
        String host = java.net.URI.create(io.restassured.RestAssured.baseURI).getHost() + ":"
                + io.restassured.RestAssured.port;
        assertThat(created.<String>path("links.atom")).startsWith("http://" + host + "/api/v1/feeds/");
        Response viaName = given().auth().oauth2(ADMIN).header("Host", "evwatch.test:8080")
                .get("/api/v1/subscriptions/" + created.path("id"));
        assertThat(viaName.<String>path("links.self")).isEqualTo("http://evwatch.test:8080/api/v1/subscriptions/"
                + created.path("id"));
        String atomPath = created.<String>path("links.atom").replaceFirst("^https?://[^/]+", "");
        String atom = given().header("Host", "feeds.evwatch.test").get(atomPath).then().statusCode(200).extract()
                .asString();
        assertThat(atom).contains("http://feeds.evwatch.test" + atomPath);
    }
}
