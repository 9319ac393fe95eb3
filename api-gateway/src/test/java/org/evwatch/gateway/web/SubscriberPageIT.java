package org.evwatch.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.testsupport.Fixtures;
import org.evwatch.gateway.testsupport.IndexerProcess;
import org.evwatch.gateway.testsupport.Papers;
import org.evwatch.gateway.testsupport.SmtpServer;
import org.evwatch.gateway.testsupport.WebDriverClient;
import org.evwatch.gateway.testsupport.WebhookReceiver;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The web page in headless Chromium, as a subscriber uses it: signing in with an API key, managing subscriptions
 * (edit, pause, resume, delete), reading their matches and delivery logs, managing keys with an admin key, narrowing
 * and sorting a search, and exporting its results. The gateway, its database, the indexer behind it, the broker, a
 * webhook receiver, an SMTP server and the browser are real.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
@QuarkusTestResource(SmtpServer.class)
@QuarkusTestResource(value = IndexerProcess.class, restrictToAnnotatedClass = true)
class SubscriberPageIT {

    private static final String ADMIN = "test-admin-key";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    String base;

    @Test
    void aWrongKeyIsToldASignedInKeyStaysInTheBrowserOutOfEveryUrlAndSigningOutForgetsIt() throws Exception {
        String key = newKey("reader one", "USER");
        WebDriverClient.inBrowser("subscriber-signin-failure", browser -> {
            browser.open(base);
            browser.click(browser.waitFor("#sign-in-button", WAIT));
            browser.type(browser.waitFor("#signin-key", WAIT), "not-a-key-of-this-gateway");
            browser.click(browser.waitFor("#signin-submit", WAIT));
            browser.waitForText("#signin-error", "This API key was not accepted: The API key is not valid or was "
                    + "revoked.", WAIT);
            assertThat(storedKey(browser)).isNull();

            signIn(browser, key);
            browser.waitForText("#subscriptions-status", "No subscriptions yet", WAIT);
            assertThat(storedKey(browser)).isEqualTo(key);
            assertThat(browser.script("return location.href")).doesNotContain(key);
            assertThat(browser.script("return performance.getEntriesByType('resource').map(e => e.name).join(' ')"))
                    .as("no request carried the key in its URL").contains("/api/v1/subscriptions")
                    .doesNotContain(key);

            browser.open(base + "#/subscriptions");
            browser.waitForText("#subscriptions-status", "No subscriptions yet", WAIT);
            assertThat(visible(browser, "#sign-out-button")).as("still signed in after a reload").isTrue();
            browser.click(browser.waitFor("#sign-out-button", WAIT));
            browser.waitFor("#search-view:not([hidden])", WAIT);
            assertThat(storedKey(browser)).isNull();
            assertThat(visible(browser, "#sign-in-button")).isTrue();
            browser.open(base + "#/subscriptions");
            browser.waitForText("#subscriptions-status", "Sign in with your API key", WAIT);
        });
    }

    @Test
    void aSubscriptionIsCreatedEditedPausedResumedAndDeletedFromThePage() throws Exception {
        String key = newKey("reader two", "USER");
        WebDriverClient.inBrowser("subscriber-manage-failure", browser -> {
            browser.open(base + "#/search?q=exosome");
            browser.waitFor("#results li.hit", WAIT);
            browser.click(browser.waitFor("#subscribe-button", WAIT));
            browser.waitForText("#signin-reason", "Subscribing needs an API key", WAIT);
            browser.type(browser.waitFor("#signin-key", WAIT), key);
            browser.click(browser.waitFor("#signin-submit", WAIT));
            browser.type(browser.waitFor("#subscribe-dialog[open] #sub-name", WAIT), "Pancreatic exosomes");
            browser.type(browser.waitFor("#sub-email", WAIT), "manager@example.org");
            browser.click(browser.waitFor("#subscribe-submit", WAIT));
            browser.waitForText("#feed-json", "/api/v1/feeds/", WAIT);
            assertThat(visible(browser, "#email-pending")).isTrue();
            browser.click(browser.waitFor("#subscribe-close", WAIT));

            browser.click(browser.waitFor("#my-subscriptions", WAIT));
            String card = browser.waitFor("li.subscription", WAIT);
            assertThat(browser.waitForText("li.subscription", "Pancreatic exosomes", WAIT)).contains(
                    "Pancreatic exosomes", "Active", "Query: exosome",
                    "e-mail manager@example.org (daily, pending)");
            String id = browser.attribute(card, "data-id");

            browser.click(browser.waitFor("li.subscription .sub-edit", WAIT));
            browser.type(browser.waitFor("#edit-dialog[open] #edit-q", WAIT), "glypican");
            browser.script("document.getElementById('edit-frequency').value = 'weekly'; return ''");
            browser.click(browser.waitFor("#edit-submit", WAIT));
            browser.waitForText("li.subscription .sub-query", "glypican", WAIT);
            browser.waitForText("li.subscription .sub-channels", "(weekly, pending)", WAIT);
            assertThat(subscription(key, id).path("q").asText()).isEqualTo("glypican");

            browser.click(browser.waitFor("li.subscription .sub-pause", WAIT));
            browser.waitFor("li.subscription[data-paused=true]", WAIT);
            browser.waitForText("li.subscription .badge", "Paused", WAIT);
            JsonNode paused = subscription(key, id);
            assertThat(paused.path("paused").asBoolean()).isTrue();
            assertThat(paused.path("email").path("frequency").asText()).as("pausing changes nothing else")
                    .isEqualTo("weekly");
            // The feed stays readable while paused: its matches are listed.
            browser.click(browser.waitFor("li.subscription .sub-activity", WAIT));
            browser.waitForText("li.subscription .matches", Fixtures.paper("exosome-pdac").title(), WAIT);

            browser.click(browser.waitFor("li.subscription .sub-pause", WAIT));
            browser.waitFor("li.subscription[data-paused=false]", WAIT);
            browser.waitForText("li.subscription .sub-pause", "Pause", WAIT);
            assertThat(subscription(key, id).path("paused").asBoolean()).isFalse();

            browser.click(browser.waitFor("li.subscription .sub-delete", WAIT));
            browser.waitForText("li.subscription .sub-delete", "Really delete?", WAIT);
            browser.click(browser.waitFor("li.subscription .sub-delete", WAIT));
            browser.waitForText("#subscriptions-status", "No subscriptions yet", WAIT);
            given().auth().oauth2(key).get("/api/v1/subscriptions/" + id).then().statusCode(404);
        });
    }

    @Test
    void aSubscriptionShowsItsRecentMatchesAndItsWebhookAndEmailDeliveryLogs() throws Exception {
        String key = newKey("reader three", "USER");
        try (WebhookReceiver hook = new WebhookReceiver(null, 204)) {
            WebDriverClient.inBrowser("subscriber-activity-failure", browser -> {
                browser.open(base + "#/search?q=glioblastoma");
                browser.waitFor("#results li.hit", WAIT);
                browser.click(browser.waitFor("#subscribe-button", WAIT));
                browser.type(browser.waitFor("#signin-key", WAIT), key);
                browser.click(browser.waitFor("#signin-submit", WAIT));
                browser.type(browser.waitFor("#subscribe-dialog[open] #sub-name", WAIT), "Glioblastoma vesicles");
                browser.type(browser.waitFor("#sub-webhook", WAIT), hook.url());
                browser.type(browser.waitFor("#sub-email", WAIT), "logs@example.org");
                browser.click(browser.waitFor("#subscribe-submit", WAIT));
                hook.secret(browser.text(browser.waitFor("#webhook-secret:not([hidden]) code", WAIT)));
                browser.click(browser.waitFor("#subscribe-close", WAIT));

                PaperIndexed paper = Papers.fresh("exosome-pdac", "Glioblastoma vesicles announced for the logs");
                Papers.publish(paper);
                await().atMost(Duration.ofSeconds(30)).until(() -> hook.received().size() == 1);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> SmtpServer.receivedBy("logs@example.org").size() == 1);
                String id = given().auth().oauth2(key).get("/api/v1/subscriptions").then().statusCode(200)
                        .extract().path("[0].id");
                for (String log : List.of("deliveries", "email-deliveries")) {
                    await().atMost(WAIT).until(() -> given().auth().oauth2(key)
                            .get("/api/v1/subscriptions/" + id + "/" + log).then().extract().path("[0].state")
                            .toString().matches("DELIVERED|SENT"));
                }

                browser.open(base + "#/subscriptions");
                browser.click(browser.waitFor("li.subscription .sub-activity", WAIT));
                String matches = browser.waitForText("li.subscription .matches",
                        Fixtures.paper("glioma-ev-mirna").title(), WAIT);
                assertThat(matches).contains(Fixtures.paper("preprint-minimal").title());
                String webhookLog = browser.waitForText("li.subscription .webhook-log", paper.paperId(), WAIT);
                assertThat(webhookLog).contains("DELIVERED", "HTTP 204");
                String mailLog = browser.waitForText("li.subscription .email-log", "confirmation", WAIT);
                assertThat(mailLog).contains("logs@example.org", "SENT");
                browser.click(browser.waitFor("li.subscription .matches a", WAIT));
                browser.waitFor("#paper-title", WAIT);
            });
        }
    }

    @Test
    void anAdminKeyCreatesAndRevokesKeysFromThePageAndAUserKeyIsToldItCannot() throws Exception {
        WebDriverClient.inBrowser("subscriber-keys-failure", browser -> {
            browser.open(base);
            signIn(browser, ADMIN);
            browser.click(browser.waitFor("#my-keys", WAIT));
            browser.type(browser.waitFor("#key-name", WAIT), "lab reader");
            browser.click(browser.waitFor("#key-create", WAIT));
            String created = browser.text(browser.waitFor("#new-key:not([hidden]) code", WAIT));
            assertThat(created).hasSizeGreaterThan(20);
            browser.waitForText("tr.key[data-name='lab reader']", "USER", WAIT);

            browser.click(browser.waitFor("#sign-out-button", WAIT));
            signIn(browser, created);
            browser.waitForText("#subscriptions-status", "No subscriptions yet", WAIT);
            browser.click(browser.waitFor("#my-keys", WAIT));
            browser.waitForText("#keys-status", "needs an admin key", WAIT);
            assertThat(visible(browser, "#key-form")).isFalse();

            browser.click(browser.waitFor("#sign-out-button", WAIT));
            signIn(browser, ADMIN);
            browser.open(base + "#/keys");
            browser.click(browser.waitFor("tr.key[data-name='lab reader'] .key-revoke", WAIT));
            browser.click(browser.waitFor("tr.key[data-name='lab reader'] .key-revoke", WAIT));
            browser.waitForText("tr.key[data-name='lab reader'] .revoked", "UTC", WAIT);
            given().auth().oauth2(created).get("/api/v1/subscriptions").then().statusCode(401);

            browser.click(browser.waitFor("#sign-out-button", WAIT));
            browser.click(browser.waitFor("#sign-in-button", WAIT));
            browser.type(browser.waitFor("#signin-key", WAIT), created);
            browser.click(browser.waitFor("#signin-submit", WAIT));
            browser.waitForText("#signin-error", "not accepted", WAIT);
        });
    }

    @Test
    void aSearchIsNarrowedToADateRangeSortedNewestFirstAndExportedInThreeFormats() throws Exception {
        WebDriverClient.inBrowser("subscriber-search-failure", browser -> {
            browser.open(base + "#/search");
            browser.waitForText("#status", Fixtures.PAPERS.size() + " papers", WAIT);
            browser.script("document.getElementById('sort').value = 'date';"
                    + "document.getElementById('sort').dispatchEvent(new Event('change')); return ''");
            List<String> newestFirst = List.of(Fixtures.paper("preprint-minimal").title(),
                    Fixtures.paper("glioma-ev-mirna").title(), Fixtures.paper("exosome-pdac").title());
            await().atMost(WAIT).until(() -> titles(browser).equals(newestFirst));
            assertThat(browser.script("return performance.getEntriesByType('resource').map(e => e.name).join(' ')"))
                    .as("the catalog was asked for the newest first").contains("sort=date");

            browser.type(browser.waitFor("#date-from", WAIT), "2016");
            browser.type(browser.waitFor("#date-to", WAIT), "2023-12-31");
            browser.click(browser.waitFor("#date-apply", WAIT));
            browser.waitForText("#active-filters", "from: 2016-01-01", WAIT);
            browser.waitForText("#status", "1 paper", WAIT);
            assertThat(titles(browser)).containsExactly(Fixtures.paper("glioma-ev-mirna").title());
            assertThat(browser.script("return location.hash")).contains("sort=date", "from=2016-01-01",
                    "to=2023-12-31");
            // Kept for a person to look at: the narrowed search with its date range and export links.
            Files.createDirectories(Path.of("target"));
            browser.screenshot(Path.of("target", "subscriber-search.png"));

            String ris = exported(browser, "ris", "application/x-research-info-systems");
            assertThat(ris).contains("TY  - JOUR", "TI  - " + Fixtures.paper("glioma-ev-mirna").title())
                    .doesNotContain(Fixtures.paper("exosome-pdac").title());
            assertThat(exported(browser, "bibtex", "application/x-bibtex"))
                    .contains("@article{", Fixtures.paper("glioma-ev-mirna").title());
            JsonNode csl = JSON.readTree(exported(browser, "csl", "application/vnd.citationstyles.csl+json"));
            assertThat(csl).hasSize(1);
            assertThat(csl.get(0).path("title").asText()).isEqualTo(Fixtures.paper("glioma-ev-mirna").title());

            browser.type(browser.waitFor("#date-from", WAIT), "2015");
            browser.script("document.getElementById('date-to').value = ''; return ''");
            browser.click(browser.waitFor("#date-apply", WAIT));
            browser.waitForText("#status", "3 papers", WAIT);
        });
    }

    /** Follows an export link of the page. */
    private static String exported(WebDriverClient browser, String format, String type) throws Exception {
        String href = browser.attribute(browser.waitFor("#export-" + format, WAIT), "href");
        assertThat(href).contains("format=" + format, "size=100", "sort=date");
        return given().urlEncodingEnabled(false).get(href.replaceFirst("^https?://[^/]+", "")).then()
                .statusCode(200).contentType(org.hamcrest.Matchers.startsWith(type)).extract().asString();
    }

    private static List<String> titles(WebDriverClient browser) throws Exception {
        String joined = browser.script("return [...document.querySelectorAll('#results li.hit .hit-title')]"
                + ".map(a => a.textContent).join('\\n')");
        return joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    private static void signIn(WebDriverClient browser, String key) throws Exception {
        if (browser.findAll("#signin-dialog[open]").isEmpty()) {
            browser.click(browser.waitFor("#sign-in-button", WAIT));
        }
        browser.type(browser.waitFor("#signin-key", WAIT), key);
        browser.click(browser.waitFor("#signin-submit", WAIT));
        browser.waitFor("#signed-in:not([hidden])", WAIT);
    }

    private static String storedKey(WebDriverClient browser) throws Exception {
        return browser.script("return localStorage.getItem('evwatch.apiKey')");
    }

    private static boolean visible(WebDriverClient browser, String css) throws Exception {
        return "true".equals(browser.script("const e = document.querySelector(\"" + css + "\");"
                + "return String(e !== null && e.offsetParent !== null)"));
    }

    private static String newKey(String name, String role) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", name, "role", role)).post("/api/v1/admin/keys").then().statusCode(201)
                .extract().path("key");
    }

    private static JsonNode subscription(String key, String id) throws Exception {
        return JSON.readTree(given().auth().oauth2(key).get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .extract().asString());
    }
}
