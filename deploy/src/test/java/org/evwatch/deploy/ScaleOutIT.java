package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.evwatch.deploy.PubmedUpstream.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every service twice, side by side as separate processes on the real broker, PostgreSQL and an OpenSearch node, as
 * {@code EVWATCH_FETCHERS=2 EVWATCH_EXTRACTORS=2 EVWATCH_INDEXERS=2 EVWATCH_GATEWAYS=2
 * EVWATCH_INDEX_ENGINE=opensearch ./deploy/run.sh} runs them: two fetchers poll a stand-in for PubMed
 * ({@link PubmedUpstream}), all started together, while a live client follows a subscription on each gateway and
 * the subscription's webhook listens. Checked once every paper is through:
 * <ul>
 * <li>no window is fetched twice: each settled window was searched once, and each paper served once;</li>
 * <li>the catalog (the indexers' PostgreSQL) holds each paper once, the OpenSearch index holds the same papers, each
 * once, and the gateway's search finds each once;</li>
 * <li>both indexers took part (each holds partitions of papers.extracted);</li>
 * <li>each gateway's live client was shown each paper once, and the webhook got each paper once;</li>
 * <li>no dead-letter topic received a record.</li>
 * </ul>
 */
class ScaleOutIT {

    static final int PAPERS = 300;
    static final long FIRST_PMID = 94_000_000L;
    static final int LOOKBACK_DAYS = 30;
    static final int WINDOW_DAYS = 3;
    static final int SETTLE_DAYS = 2;
    static final int BATCH = 25;
    static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    static LocalStack stack;
    static PubmedUpstream upstream;

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void twoOfEachServiceFetchIndexAndDeliverEveryPaperOnce() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Papers only on days of windows wholly settled (the newest window, reaching into the unsettled days, is
        // fetched on every poll by design): each is fetched in the first poll and never again.
        upstream = new PubmedUpstream(PubmedUpstream.spread(41, FIRST_PMID, PAPERS, today.minusDays(LOOKBACK_DAYS),
                LOOKBACK_DAYS - WINDOW_DAYS), Duration.ofMillis(200), 41).start();
        stack = new LocalStack(Folders.ephemeralRuntime("scale-out-runtime")).searchOnOpenSearch()
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_ALLOW_LIST", "127.0.0.1/32")
                .addInstance("indexer", "indexer-2").addInstance("extractor", "extractor-2")
                .addInstance("api-gateway", "api-gateway-2").addInstance("fetcher", "fetcher-2")
                .environment("fetcher-2", "EVWATCH_FETCHER_INBOX_ENABLED", "false");
        upstream.feed(stack, BATCH, WINDOW_DAYS, LOOKBACK_DAYS, SETTLE_DAYS);
        // Everything starts at once; the fetchers' first request waits until the subscribers listen.
        PubmedUpstream.Hold first = upstream.holdAt(r -> true);
        stack.start(List.of("indexer", "indexer-2", "extractor", "extractor-2", "api-gateway", "api-gateway-2",
                "fetcher", "fetcher-2"));
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> membersWithPartitions("evwatch-gateway") == 2);

        Set<Long> expected = upstream.papers().stream().map(PubmedUpstream.Paper::pmid).collect(Collectors.toSet());
        try (WebhookSink webhook = new WebhookSink()) {
            String stream = GatewayProbe.subscribeToEverything(stack, "api-gateway-2", webhook.url());
            try (LiveSubscriber one = new LiveSubscriber(stack.url("api-gateway") + stream);
                    LiveSubscriber other = new LiveSubscriber(stack.url("api-gateway-2") + stream)) {
                await().atMost(PATIENCE).until(() -> one.connections() > 0 && other.connections() > 0);
                first.release();
                await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                        .until(() -> shownAll(one, expected) && shownAll(other, expected)
                                && webhook.received().stream().map(WebhookSink.Received::pmid)
                                        .collect(Collectors.toSet()).containsAll(expected));
                assertShownOnce(one);
                assertShownOnce(other);
                assertSentOnce(webhook);
            }
        }
        assertFetchedOnce(today);
        assertIndexedOnce(expected);
        assertThat(membersWithPartitions("evwatch-indexer")).as("indexers holding papers.extracted partitions")
                .isEqualTo(2);
        assertThat(stack.deadLetters()).as("records on the dead-letter topics").isEmpty();
    }

    private static boolean shownAll(LiveSubscriber stream, Set<Long> expected) {
        return stream.shown().stream().map(LiveSubscriber.Shown::pmid).collect(Collectors.toSet())
                .containsAll(expected);
    }

    private static void assertShownOnce(LiveSubscriber stream) {
        assertThat(stream.shown()).as("papers shown on a live stream").extracting(LiveSubscriber.Shown::pmid)
                .hasSize(PAPERS).doesNotHaveDuplicates();
    }

    private static void assertSentOnce(WebhookSink webhook) {
        Map<String, Set<String>> papersByDelivery = webhook.received().stream()
                .collect(Collectors.groupingBy(WebhookSink.Received::deliveryId,
                        Collectors.mapping(r -> r.paperId() + "@" + r.version(), Collectors.toSet())));
        assertThat(papersByDelivery).as("one webhook delivery per paper").hasSize(PAPERS)
                .allSatisfy((delivery, papers) -> assertThat(papers).hasSize(1));
        assertThat(webhook.received()).as("each delivery POSTed once").hasSize(PAPERS);
    }

    /** Each settled window searched once, and each paper in one efetch answer only. */
    private static void assertFetchedOnce(LocalDate today) {
        List<Request> requests = upstream.requests();
        LocalDate settled = today.minusDays(SETTLE_DAYS);
        Map<PubmedUpstream.Window, Long> searches = requests.stream()
                .filter(r -> r.kind().equals("esearch") && !r.window().to().isAfter(settled))
                .collect(Collectors.groupingBy(Request::window, Collectors.counting()));
        assertThat(searches).as("searches of each settled window").hasSizeGreaterThanOrEqualTo(
                (LOOKBACK_DAYS - WINDOW_DAYS) / WINDOW_DAYS).allSatisfy((window, n) -> assertThat(n).isEqualTo(1));
        List<Long> served = requests.stream().filter(r -> r.kind().equals("efetch"))
                .flatMap(r -> r.pmids().stream()).toList();
        assertThat(served).as("papers served by efetch").doesNotHaveDuplicates().hasSize(PAPERS);
    }

    /** The catalog, the OpenSearch index and the gateway's search: the same papers, each once. */
    private static void assertIndexedOnce(Set<Long> expected) throws Exception {
        Map<String, Long> catalog = new HashMap<>();
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.settings().dbUser(),
                stack.settings().dbPassword());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, pmid from indexer.paper")) {
            while (rs.next()) {
                assertThat(catalog.put(rs.getString(1), Long.parseLong(rs.getString(2)))).as("catalog id").isNull();
            }
        }
        assertThat(Set.copyOf(catalog.values())).as("the catalog's PMIDs").hasSize(catalog.size())
                .isEqualTo(expected);
        JsonNode hits = JSON.readTree(stack.get(stack.url("opensearch")
                + "/evwatch-papers/_search?size=1000&_source=false&track_total_hits=true").body()).path("hits");
        Set<String> searchIds = new HashSet<>();
        hits.path("hits").forEach(hit -> searchIds.add(hit.path("_id").asText()));
        assertThat(hits.path("total").path("value").asLong()).as("documents in OpenSearch").isEqualTo(PAPERS);
        assertThat(searchIds).as("OpenSearch's documents").isEqualTo(catalog.keySet());
        assertThat(GatewayProbe.pmids(stack, FIRST_PMID, FIRST_PMID + PAPERS)).as("found by the gateway's search")
                .isEqualTo(expected);
    }

    /** How many members of a consumer group hold partitions. */
    private static long membersWithPartitions(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                    .map(MemberDescription::assignment).filter(a -> !a.topicPartitions().isEmpty()).count();
        }
    }
}
