package org.evwatch.fetcher.poll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.PaperFetchedDeserializer;
import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.persistence.Backfill;
import org.evwatch.fetcher.persistence.Backfills;
import org.evwatch.fetcher.persistence.Cursors;
import org.evwatch.fetcher.persistence.SourceLeases;
import org.evwatch.fetcher.persistence.StoredValidators;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Polls and backfills against a stubbed bioRxiv, the real Kafka broker and PostgreSQL. */
@QuarkusTest
@TestProfile(StubbedSourcesProfile.class)
class PollingIT {

    @Inject
    FetchConfig config;
    @Inject
    StoredValidators validators;
    @Inject
    WindowRunner runner;
    @Inject
    Cursors cursors;
    @Inject
    Poller poller;
    @Inject
    Backfills backfills;
    @Inject
    BackfillRunner backfillRunner;
    @Inject
    SourceLeases leases;

    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    private final BioRxivDays days = new BioRxivDays(prefix);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void resumesFromTheCursorAfterARestartWithNothingLostOrRepeated() {
        LocalDate d0 = today.minusDays(4);
        LocalDate d1 = today.minusDays(3);
        LocalDate d2 = today.minusDays(2);
        LocalDate d3 = today.minusDays(1);
        var server = StubbedSources.server;
        days.serveDay(server, d0, 2, 1);
        // d1 has two pages; the second fails until the source recovers
        server.stubFor(BioRxivDays.at(d1, 0).willReturn(aResponse().withBody(days.page(d1, 0, 2, 3, 1))));
        server.stubFor(BioRxivDays.at(d1, 2).inScenario("d1").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)));
        server.stubFor(BioRxivDays.at(d1, 2).inScenario("d1").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withBody(days.page(d1, 2, 1, 3, 1))));
        days.serveDay(server, d2, 1, 1);
        days.serveDay(server, d3, 0, 1);
        days.serveDay(server, today, 1, 1);

        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            Poller.Report first = poller.poll("biorxiv");

            assertThat(first.watches()).singleElement().satisfies(w -> {
                assertThat(w.error()).contains("HTTP 500").contains("/details/biorxiv/" + d1);
                assertThat(w.cursor()).isEqualTo(d0);
            });
            assertThat(cursors.completedThrough("biorxiv", "ev-cancer")).contains(d0);
            given().get("/internal/v1/sources/biorxiv").then().statusCode(200)
                    .body("cursors[0].completedThrough", org.hamcrest.Matchers.equalTo(d0.toString()))
                    .body("lastError", containsString("HTTP 500"));

            // A restart: new sources, HTTP client and poller; only PostgreSQL and Kafka remain.
            server.setScenarioState("d1", "recovered");
            Poller restarted = new Poller(new SourceRegistry(config, validators), runner, cursors, config, leases);
            Poller.Report second = restarted.poll("biorxiv");

            assertThat(second.watches()).singleElement().satisfies(w -> {
                assertThat(w.error()).isNull();
                assertThat(w.cursor()).isEqualTo(today);
                assertThat(w.sent()).isEqualTo(3);
            });
            Poller.Report third = restarted.poll("biorxiv");
            assertThat(third.watches()).singleElement().satisfies(w -> assertThat(w.windows()).isZero());

            List<String> expected = new ArrayList<>(days.dois(d0, 0, 2));
            expected.addAll(days.dois(d1, 0, 3));
            expected.addAll(days.dois(d2, 0, 1));
            expected.addAll(days.dois(today, 0, 1));
            List<PaperFetched> received = drain(consumer);
            assertThat(received).extracting(PaperFetched::sourceRecordId)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(received).allSatisfy(r -> {
                assertThat(r.source()).isEqualTo("biorxiv");
                assertThat(r.contentType()).isEqualTo(ContentTypes.BIORXIV_JSON);
                assertThat(r.watchId()).isEqualTo("ev-cancer");
                assertThat(r.update()).isFalse();
            });
        }
    }

    @Test
    void aSourceLeasedByAnotherInstanceIsPassedOverUntilItIsFree() {
        SourceLeases.Lease other = leases.acquire("biorxiv", "another-fetcher", Duration.ofMinutes(5)).orElseThrow();
        try {
            int requests = StubbedSources.server.getAllServeEvents().size();
            assertThat(poller.poll("biorxiv").ran()).as("polled while another instance holds it").isFalse();
            assertThat(StubbedSources.server.getAllServeEvents()).as("requests to the source").hasSize(requests);
            assertThat(leases.acquire("biorxiv", "a-third-fetcher", Duration.ofMinutes(5))).isEmpty();
            assertThat(leases.heldBy("biorxiv")).contains("another-fetcher");
        } finally {
            leases.release(other);
        }
        assertThat(leases.heldBy("biorxiv")).as("given back").isEmpty();
    }

    @Test
    void aLeaseThatExpiredAndWasTakenOverMovesNoCursor() throws InterruptedException {
        String source = prefix + "-leased";
        SourceLeases.Lease stalled = leases.acquire(source, "stalled-fetcher", Duration.ofMillis(1)).orElseThrow();
        Thread.sleep(50);
        SourceLeases.Lease taken = leases.acquire(source, "live-fetcher", Duration.ofMinutes(5)).orElseThrow();
        assertThat(taken.token()).as("a new holder's fencing token").isGreaterThan(stalled.token());

        cursors.windowDone(taken, "ev-cancer", today.minusDays(3), 4, Instant.now());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cursors.windowDone(stalled, "ev-cancer", today,
                9, Instant.now())).isInstanceOf(SourceLeases.LeaseLostException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cursors.failed(stalled, "ev-cancer", "late",
                Instant.now())).isInstanceOf(SourceLeases.LeaseLostException.class);
        assertThat(cursors.completedThrough(source, "ev-cancer")).as("moved only by the holder")
                .contains(today.minusDays(3));
        assertThat(cursors.forSource(source)).singleElement().satisfies(c -> {
            assertThat(c.recordsSent()).isEqualTo(4);
            assertThat(c.lastError()).isNull();
        });
        leases.release(taken);
    }

    @Test
    void backfillShowsProgressAndSendsChangedContentAgainAsAnUpdate() {
        LocalDate from = today.minusDays(200);
        LocalDate to = from.plusDays(2);
        var server = StubbedSources.server;
        days.serveDay(server, from, 2, 1);
        days.serveDay(server, from.plusDays(1), 0, 1);
        days.serveDay(server, to, 1, 1);

        try (KafkaConsumer<String, byte[]> consumer = TestKafka.consumer(Topics.PAPERS_FETCHED)) {
            long id = startBackfill(from, to);
            Backfills.View done = awaitState(id, Backfill.State.DONE);
            assertThat(done.seen()).isEqualTo(3);
            assertThat(done.sent()).isEqualTo(3);
            assertThat(done.estimatedRemaining()).isZero();

            // the first preprint of the first day gets a new version; the others are unchanged
            server.stubFor(BioRxivDays.at(from, 0).willReturn(aResponse().withBody(
                    days.page(from, 0, 1, 2, 2).replace("]}", "," + secondUnchanged(from) + "]}"))));
            long again = startBackfill(from, to);
            Backfills.View redone = awaitState(again, Backfill.State.DONE);
            assertThat(redone.seen()).isEqualTo(3);
            assertThat(redone.sent()).isEqualTo(1);

            List<PaperFetched> received = drain(consumer);
            assertThat(received).extracting(PaperFetched::sourceRecordId).containsExactlyInAnyOrder(
                    days.doi(from, 0), days.doi(from, 1), days.doi(to, 0), days.doi(from, 0));
            // one key keeps its order on the topic: first the original, then the update
            assertThat(received).filteredOn(r -> r.sourceRecordId().equals(days.doi(from, 0)))
                    .extracting(PaperFetched::update).containsExactly(false, true);
            assertThat(received).filteredOn(r -> !r.sourceRecordId().equals(days.doi(from, 0)))
                    .extracting(PaperFetched::update).containsOnly(false);
        }
    }

    @Test
    void aBackfillCanBeCancelled() {
        LocalDate from = today.minusDays(400);
        LocalDate to = from.plusDays(59);
        var server = StubbedSources.server;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            server.stubFor(BioRxivDays.at(d, 0).willReturn(aResponse().withFixedDelay(100)
                    .withBody(days.page(d, 0, 1, 1, 1))));
        }

        long id = startBackfill(from, to);
        await().atMost(Duration.ofSeconds(20)).until(() -> backfills.find(id).orElseThrow().sent() >= 2);
        given().delete("/internal/v1/backfills/" + id).then().statusCode(200).body("state",
                org.hamcrest.Matchers.equalTo("CANCELLED"));

        // A window already in flight may still finish; after that the count must stay put (a running backfill
        // sends a window every ~100 ms, so it would never hold still for 800 ms).
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong(-1);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    long now = backfills.find(id).orElseThrow().sent();
                    return last.getAndSet(now) == now;
                });
        Backfills.View after = backfills.find(id).orElseThrow();
        assertThat(after.state()).isEqualTo(Backfill.State.CANCELLED);
        assertThat(after.nextDay()).isBefore(to);
        assertThat(after.estimatedRemaining()).isPositive();
    }

    @Test
    void aRunningBackfillLeftByAStoppedProcessIsResumed() {
        LocalDate from = today.minusDays(600);
        LocalDate to = from.plusDays(1);
        var server = StubbedSources.server;
        days.serveDay(server, from, 1, 1);
        days.serveDay(server, to, 2, 1);
        // as a previous process left it: stored as running, halfway, with nobody working on it
        Backfills.View left = backfills.start("biorxiv", "ev-cancer", from, to, Instant.now());
        SourceLeases.Lease previous = leases.acquire("backfill/" + left.id(), "a-previous-fetcher",
                Duration.ofMillis(1)).orElseThrow();
        backfills.windowDone(previous, left.id(), from, 1, 0, Instant.now());

        backfillRunner.resumeRunning();

        Backfills.View done = awaitState(left.id(), Backfill.State.DONE);
        assertThat(done.sent()).isEqualTo(2);
        assertThat(done.seen()).isEqualTo(3);
    }

    @Test
    void rejectsABackfillOfAFeedOrABackwardRange() {
        given().contentType(ContentType.JSON).body("{\"from\":\"2024-01-01\",\"to\":\"2024-01-02\"}")
                .post("/internal/v1/sources/feeds/backfills").then().statusCode(400)
                .body("detail", containsString("cannot be backfilled"));
        given().contentType(ContentType.JSON).body("{\"from\":\"2024-01-02\",\"to\":\"2024-01-01\"}")
                .post("/internal/v1/sources/biorxiv/backfills").then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"from\":\"2024-01-01\",\"to\":\"2024-01-02\"}")
                .post("/internal/v1/sources/nowhere/backfills").then().statusCode(404);
    }

    @Test
    void triggersAPollFromTheAdminApiAndListsEverySource() {
        given().post("/internal/v1/sources/nowhere/poll").then().statusCode(404);
        given().post("/internal/v1/sources/feeds/poll").then().statusCode(202);

        // no feed is configured: the poll succeeds with nothing to do, and says so in the status
        await().atMost(Duration.ofSeconds(20)).until(() -> given().get("/internal/v1/sources/feeds").then()
                .extract().jsonPath().getString("lastSuccessAt") != null);
        given().get("/internal/v1/sources").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.hasItems("inbox", "pubmed", "europepmc", "crossref", "biorxiv",
                        "medrxiv", "feeds"))
                .body("find { it.name == 'pubmed' }.enabled", org.hamcrest.Matchers.equalTo(false))
                .body("find { it.name == 'biorxiv' }.enabled", org.hamcrest.Matchers.equalTo(true))
                .body("find { it.name == 'pubmed' }.circuit", org.hamcrest.Matchers.equalTo("CLOSED"));
    }

    @Test
    void theAdminApiIsDocumentedInOpenApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/internal/v1/sources/{name}/backfills"))
                .body(containsString("/internal/v1/sources/{name}/poll"))
                .body(containsString("/internal/v1/backfills/{id}"));
    }

    private String secondUnchanged(LocalDate day) {
        String page = days.page(day, 1, 1, 2, 1);
        return page.substring(page.indexOf("\"collection\":[") + 14, page.length() - 2);
    }

    private long startBackfill(LocalDate from, LocalDate to) {
        return given().contentType(ContentType.JSON)
                .body("{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"watchId\":\"ev-cancer\"}")
                .post("/internal/v1/sources/biorxiv/backfills")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private Backfills.View awaitState(long id, Backfill.State state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> backfills.find(id).orElseThrow().state() == state);
        return given().get("/internal/v1/backfills/" + id).then().statusCode(200).extract()
                .as(Backfills.View.class);
    }

    /** Every record of this test run on the topic, in order, read until the topic stays quiet. */
    private List<PaperFetched> drain(KafkaConsumer<String, byte[]> consumer) {
        PaperFetchedDeserializer deserializer = new PaperFetchedDeserializer();
        List<PaperFetched> out = new ArrayList<>();
        long quietSince = System.currentTimeMillis();
        long deadline = quietSince + 20_000;
        while (System.currentTimeMillis() - quietSince < 1500 && System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                quietSince = System.currentTimeMillis();
                if (r.key() != null && r.key().startsWith("10.1101/" + prefix)) {
                    out.add(deserializer.deserialize(r.topic(), r.value()));
                }
            }
        }
        return out;
    }
}
