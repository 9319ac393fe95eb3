package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Kills each part of the running system with SIGKILL while papers flow through it, restarts it, and checks that
 * nothing was lost or doubled: every generated paper is in the catalog exactly once, no record reached a dead-letter
 * topic, and a subscriber that follows every paper on a live stream (reconnecting with Last-Event-ID, as browsers do)
 * and by webhook was shown each paper once on the stream and sent it by webhook with one delivery id. The parts are
 * separate processes, as in the local runtime: Kafka, PostgreSQL and the four services.
 *
 * <p>
 * {@code -Devwatch.faults.papers=N} sets how many papers flow (default 1,200: a few minutes on 2 cores); the figures of
 * longer runs are in docs/reliability.md.
 */
class FaultInjectionIT {

    static final int PAPERS = Integer.getInteger("evwatch.faults.papers", 1200);
    static final long FIRST_PMID = 92_000_000L;
    /** What is killed, in turn ({@code -Devwatch.faults.victims=a,b,...}). */
    static final List<String> VICTIMS = List.of(System.getProperty("evwatch.faults.victims",
            "api-gateway,extractor,indexer,postgres,kafka,fetcher,indexer,api-gateway").split(","));
    static LocalStack stack;

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killingEachPartMidStreamLosesAndDoublesNothing() throws Exception {
        stack = new LocalStack(Folders.ephemeralRuntime("fault-injection-runtime"))
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_ALLOW_LIST", "127.0.0.1/32")
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_INITIAL_DELAY", "1s")
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_MAX_DELAY", "10s")
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_MAX_ATTEMPTS", "30")
                .start();
        try (WebhookSink webhook = new WebhookSink();
                LiveSubscriber stream = new LiveSubscriber(GatewayProbe.subscribeToEverything(stack, webhook.url()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.connections() > 0);
            new PubmedGenerator(11).writeFiles(stack.inbox(), PAPERS, 100, FIRST_PMID);
            List<String> log = killEachInTurn();
            assertEveryPaperInTheCatalogOnce(log);
            assertEveryPaperDeliveredOnce(stream, webhook, log);
        }
    }

    private static List<String> killEachInTurn() throws Exception {
        List<String> log = new ArrayList<>();
        long step = Math.max(10, PAPERS / (VICTIMS.size() + 2));
        for (String victim : VICTIMS) {
            long before = papersInCatalog();
            awaitOrDiagnose(log, Duration.ofMinutes(4), Math.min(PAPERS, before + step));
            long at = papersInCatalog();
            stack.kill(victim);
            Thread.sleep(1000);
            stack.restart(victim);
            log.add(victim + " killed at " + at + " papers");
        }
        awaitOrDiagnose(log, Duration.ofMinutes(6), PAPERS);
        Thread.sleep(2000);
        return log;
    }

    private static void assertEveryPaperInTheCatalogOnce(List<String> log) throws Exception {
        assertThat(papersInCatalog()).as("every paper once; %s", log).isEqualTo(PAPERS);
        Set<Long> expected = LongStream.range(FIRST_PMID, FIRST_PMID + PAPERS).boxed().collect(Collectors.toSet());
        assertThat(GatewayProbe.pmids(stack, FIRST_PMID, FIRST_PMID + PAPERS)).as("the generated papers, each once")
                .isEqualTo(expected);
        assertThat(stack.deadLetters()).as("records on the dead-letter topics").isEmpty();
    }

    /**
     * The live stream showed each paper once, with rising event ids across its reconnections; the webhook received
     * every paper, each under one delivery id (a delivery may be POSTed again after a kill: at least once).
     */
    private static void assertEveryPaperDeliveredOnce(LiveSubscriber stream, WebhookSink webhook, List<String> log) {
        Set<Long> expected = LongStream.range(FIRST_PMID, FIRST_PMID + PAPERS).boxed().collect(Collectors.toSet());
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> missing(expected, stream.shown().stream().map(LiveSubscriber.Shown::pmid)).isEmpty()
                            && missing(expected, webhook.received().stream().map(WebhookSink.Received::pmid))
                                    .isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            Set<Long> notStreamed = missing(expected, stream.shown().stream().map(LiveSubscriber.Shown::pmid));
            Set<Long> notPosted = missing(expected, webhook.received().stream().map(WebhookSink.Received::pmid));
            throw new AssertionError("not delivered after 4 minutes: " + notStreamed.size() + " papers on the stream ("
                    + stream.connections() + " connections), e.g. " + notStreamed.stream().limit(5).toList() + "; "
                    + notPosted.size() + " by webhook, e.g. " + notPosted.stream().limit(5).toList() + "; " + log, e);
        }
        List<LiveSubscriber.Shown> shown = stream.shown().stream()
                .filter(s -> s.pmid() >= FIRST_PMID && s.pmid() < FIRST_PMID + PAPERS).toList();
        assertThat(shown).as("shown on the live stream once each; %d connections; %s", stream.connections(), log)
                .hasSize(PAPERS);
        List<Long> ids = stream.shown().stream().map(LiveSubscriber.Shown::eventId).toList();
        assertThat(ids).as("event ids rise across reconnections").isSortedAccordingTo(Long::compare)
                .doesNotHaveDuplicates();
        Map<String, Set<String>> papersByDelivery = webhook.received().stream()
                .filter(r -> r.pmid() >= FIRST_PMID && r.pmid() < FIRST_PMID + PAPERS)
                .collect(Collectors.groupingBy(WebhookSink.Received::deliveryId,
                        Collectors.mapping(r -> r.paperId() + "@" + r.version(), Collectors.toSet())));
        assertThat(papersByDelivery).as("one webhook delivery per paper; %d POSTs", webhook.received().size())
                .hasSize(PAPERS).allSatisfy((delivery, papers) -> assertThat(papers).hasSize(1));
        log.add("live stream connections: " + stream.connections() + ", webhook POSTs: " + webhook.received().size());
        System.out.println("fault injection: " + log);
    }

    private static Set<Long> missing(Set<Long> expected, java.util.stream.Stream<Long> delivered) {
        Set<Long> missing = new java.util.TreeSet<>(expected);
        delivered.forEach(missing::remove);
        return missing;
    }

    /** Waits for the catalog to reach {@code papers}; if it does not, fails with what each service says of itself. */
    private static void awaitOrDiagnose(List<String> log, Duration atMost, long papers) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> papersInCatalog() >= papers);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            StringBuilder state = new StringBuilder("catalog never reached " + papers + " papers; " + log);
            for (String service : List.of("fetcher", "extractor", "indexer", "api-gateway")) {
                state.append("\n").append(service).append(" health: ").append(internal(service, "/q/health"));
            }
            state.append("\nindexer stats: ").append(internal("indexer", "/internal/v1/stats"));
            state.append("\ngateway stats: ").append(internal("api-gateway", "/api/v1/stats"));
            throw new AssertionError(state.toString(), e);
        }
    }

    /** A service's answer to {@code path}, sent with the runtime's service token. */
    private static String internal(String service, String path) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.url(service) + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + stack.secrets().get(LocalSecrets.INTERNAL_TOKEN)).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return response.statusCode() + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static long papersInCatalog() {
        return GatewayProbe.papers(stack);
    }

}
