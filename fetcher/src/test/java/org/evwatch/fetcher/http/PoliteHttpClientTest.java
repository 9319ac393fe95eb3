package org.evwatch.fetcher.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.evwatch.fetcher.testsupport.FakeTime;
import org.evwatch.fetcher.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.smallrye.faulttolerance.api.CircuitBreakerState;

class PoliteHttpClientTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeTime time = new FakeTime(Instant.parse("2026-01-05T10:00:00Z"));

    private URI url(String path) {
        return URI.create(wm.baseUrl() + path);
    }

    @Test
    void namesTheProjectAndContactInTheUserAgent() throws Exception {
        wm.stubFor(get("/ua").willReturn(aResponse().withStatus(200).withBody("ok")));

        Page page = TestHttp.client(time).get("pubmed", url("/ua"));

        assertThat(page.body()).isEqualTo("ok");
        wm.verify(getRequestedFor(urlPathEqualTo("/ua"))
                .withHeader("User-Agent", containing("EVwatch/"))
                .withHeader("User-Agent", containing("mailto:ops@evwatch.example")));
    }

    @Test
    void conditionalGetSendsValidatorsBackAndReportsNotModified() throws Exception {
        wm.stubFor(get("/feed").willReturn(aResponse().withStatus(200).withBody("<rss/>")
                .withHeader("ETag", "\"v1\"").withHeader("Last-Modified", "Mon, 05 Jan 2026 09:00:00 GMT")));
        wm.stubFor(get("/feed").withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo("Mon, 05 Jan 2026 09:00:00 GMT"))
                .willReturn(aResponse().withStatus(304)));
        PoliteHttpClient http = TestHttp.client(time);

        Page first = http.get("feeds", url("/feed"));
        Page second = http.get("feeds", url("/feed"), first.validators());

        assertThat(first.notModified()).isFalse();
        assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Mon, 05 Jan 2026 09:00:00 GMT"));
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
    }

    @Test
    void waitsAsLongAsRetryAfterSecondsSaysOn429() throws Exception {
        wm.stubFor(get("/busy").inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7"))
                .willSetStateTo("again"));
        wm.stubFor(get("/busy").inScenario("429").whenScenarioStateIs("again")
                .willReturn(aResponse().withStatus(200).withBody("done")));

        Page page = TestHttp.client(time).get("crossref", url("/busy"));

        assertThat(page.body()).isEqualTo("done");
        assertThat(time.waitsOfAtLeast(Duration.ofMillis(100))).containsExactly(Duration.ofSeconds(7));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/busy")));
    }

    @Test
    void waitsUntilTheRetryAfterHttpDateOn503() throws Exception {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(time.instant().plusSeconds(12).atOffset(ZoneOffset.UTC));
        wm.stubFor(get("/down").inScenario("503").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", at))
                .willSetStateTo("up"));
        wm.stubFor(get("/down").inScenario("503").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("up")));

        Page page = TestHttp.client(time).get("europepmc", url("/down"));

        assertThat(page.body()).isEqualTo("up");
        assertThat(time.waitsOfAtLeast(Duration.ofMillis(100))).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void givesUpAtOnceWhenRetryAfterIsLongerThanTheLongestWait() {
        wm.stubFor(get("/later").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> TestHttp.client(time).get("crossref", url("/later")))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("retry after");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/later")));
    }

    @Test
    void retriesARunOf500sWithGrowingJitteredBackoffThenSucceeds() throws Exception {
        String state = Scenario.STARTED;
        for (int i = 1; i <= 3; i++) {
            wm.stubFor(get("/flaky").inScenario("500s").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(500)).willSetStateTo("failed" + i));
            state = "failed" + i;
        }
        wm.stubFor(get("/flaky").inScenario("500s").whenScenarioStateIs(state)
                .willReturn(aResponse().withStatus(200).withBody("finally")));

        Page page = TestHttp.client(time).get("pubmed", url("/flaky"));

        assertThat(page.body()).isEqualTo("finally");
        wm.verify(4, getRequestedFor(urlPathEqualTo("/flaky")));
        List<Duration> waits = time.waitsOfAtLeast(Duration.ofMillis(100));
        assertThat(waits).hasSize(3);
        // base 1 s doubled per retry, each wait between half and all of its ceiling
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(waits.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void failsWithTheStatusWhenEveryAttemptFails() {
        wm.stubFor(get("/broken").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> TestHttp.client(time).get("pubmed", url("/broken")))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
                    assertThat(e.source()).isEqualTo("pubmed");
                    assertThat(e.getMessage()).contains("HTTP 502").contains("/broken");
                });
        wm.verify(4, getRequestedFor(urlPathEqualTo("/broken")));
    }

    @Test
    void doesNotRetryARequestTheServerRejects() {
        wm.stubFor(get("/nope").willReturn(aResponse().withStatus(400)));

        assertThatThrownBy(() -> TestHttp.client(time).get("pubmed", url("/nope")))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.REJECTED));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/nope")));
    }

    @Test
    void timesOutASlowResponseAndRetriesIt() throws Exception {
        wm.stubFor(get("/slow").inScenario("slow").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody("late").withFixedDelay(1500))
                .willSetStateTo("fast"));
        wm.stubFor(get("/slow").inScenario("slow").whenScenarioStateIs("fast")
                .willReturn(aResponse().withStatus(200).withBody("quick")));
        HostPolicy shortTimeout = TestHttp.fastPolicy().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300));
        PoliteHttpClient http = TestHttp.client(time, Map.of(), shortTimeout, BreakerPolicy.defaults());

        assertThat(http.get("europepmc", url("/slow")).body()).isEqualTo("quick");
        wm.verify(2, getRequestedFor(urlPathEqualTo("/slow")));
    }

    @Test
    void reportsATimeoutWhenEveryAttemptIsTooSlow() {
        wm.stubFor(get("/stuck").willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
        HostPolicy policy = TestHttp.fastPolicy().withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
                .withRetries(2, Duration.ofSeconds(1), Duration.ofSeconds(10));
        PoliteHttpClient http = TestHttp.client(time, Map.of(), policy, BreakerPolicy.defaults());

        assertThatThrownBy(() -> http.get("europepmc", url("/stuck")))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.TIMEOUT));
    }

    @Test
    void circuitOpensAfterARunOfFailuresThenGoesHalfOpenAndClosesOnASuccessfulTrial() throws Exception {
        wm.stubFor(get("/src").inScenario("breaker").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)));
        HostPolicy oneAttempt = TestHttp.fastPolicy().withRetries(1, Duration.ofSeconds(1), Duration.ofSeconds(10));
        // The breaker's pause runs on the fault-tolerance library's clock, the system one: a short real pause.
        Duration pause = Duration.ofSeconds(2);
        PoliteHttpClient http = TestHttp.client(time, Map.of(), oneAttempt, new BreakerPolicy(3, pause));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> http.get("biorxiv", url("/src")))
                    .isInstanceOfSatisfying(FetchException.class,
                            e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS));
        }
        assertThat(http.circuitState("biorxiv")).isEqualTo(CircuitBreakerState.OPEN);
        assertThatThrownBy(() -> http.get("biorxiv", url("/src")))
                .isInstanceOfSatisfying(FetchException.class,
                        e -> assertThat(e.kind()).isEqualTo(FetchException.Kind.CIRCUIT_OPEN));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/src")));
        // another source on the same host is not affected by this source's circuit
        assertThat(http.circuitState("medrxiv")).isEqualTo(CircuitBreakerState.CLOSED);

        awaitState(http, "biorxiv", CircuitBreakerState.HALF_OPEN, pause);
        // a failed trial opens it again
        assertThatThrownBy(() -> http.get("biorxiv", url("/src"))).isInstanceOf(FetchException.class);
        assertThat(http.circuitState("biorxiv")).isEqualTo(CircuitBreakerState.OPEN);

        awaitState(http, "biorxiv", CircuitBreakerState.HALF_OPEN, pause);
        wm.stubFor(get("/src").inScenario("breaker").whenScenarioStateIs("healed")
                .willReturn(aResponse().withStatus(200).withBody("back")));
        wm.setScenarioState("breaker", "healed");
        assertThat(http.get("biorxiv", url("/src")).body()).isEqualTo("back");
        assertThat(http.circuitState("biorxiv")).isEqualTo(CircuitBreakerState.CLOSED);
        wm.verify(5, getRequestedFor(urlPathEqualTo("/src")));
    }

    @Test
    void throttlingDoesNotOpenTheCircuitButServerErrorsInARowDo() {
        wm.stubFor(get("/throttled").willReturn(aResponse().withStatus(429)));
        wm.stubFor(get("/failing").willReturn(aResponse().withStatus(503)));
        HostPolicy oneAttempt = TestHttp.fastPolicy().withRetries(1, Duration.ofSeconds(1), Duration.ofSeconds(10));
        PoliteHttpClient http = TestHttp.client(time, Map.of(), oneAttempt,
                new BreakerPolicy(2, Duration.ofMinutes(5)));

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> http.get("crossref", url("/throttled"))).isInstanceOf(FetchException.class);
        }
        assertThat(http.circuitState("crossref")).isEqualTo(CircuitBreakerState.CLOSED);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> http.get("crossref", url("/failing"))).isInstanceOf(FetchException.class);
        }
        assertThat(http.circuitState("crossref")).isEqualTo(CircuitBreakerState.OPEN);
    }

    private static void awaitState(PoliteHttpClient http, String source, CircuitBreakerState state, Duration pause) {
        await().atMost(pause.multipliedBy(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> http.circuitState(source) == state);
    }

    @Test
    void holdsEachHostToItsOwnRate() throws Exception {
        wm.stubFor(get("/r").willReturn(aResponse().withStatus(200).withBody("r")));
        HostPolicy threePerSecond = TestHttp.fastPolicy().withRate(3, 3);
        PoliteHttpClient http = TestHttp.client(time, Map.of("localhost", threePerSecond), TestHttp.fastPolicy(),
                BreakerPolicy.defaults());

        for (int i = 0; i < 10; i++) {
            http.get("pubmed", URI.create(wm.baseUrl().replace("127.0.0.1", "localhost") + "/r"));
        }
        Duration limited = time.elapsed();
        for (int i = 0; i < 10; i++) {
            http.get("pubmed", URI.create(wm.baseUrl().replace("localhost", "127.0.0.1") + "/r"));
        }
        Duration other = time.elapsed().minus(limited);

        // 3 requests go at once, the other 7 wait a third of a second each
        assertThat(limited).isBetween(Duration.ofMillis(2300), Duration.ofMillis(2400));
        assertThat(other).isLessThan(Duration.ofMillis(20));
    }

    @Test
    void masksApiKeysInErrorsAndRecords() {
        FetchException e = new FetchException(FetchException.Kind.HTTP_STATUS, "pubmed",
                URI.create("https://eutils.example/esearch.fcgi?db=pubmed&api_key=SECRET123&tool=evwatch"), "HTTP 500");

        assertThat(e.getMessage()).doesNotContain("SECRET123").contains("api_key=***").contains("tool=evwatch");
        assertThat(e.request().toString()).doesNotContain("SECRET123");
    }
}
