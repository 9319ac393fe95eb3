package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances side by side, as an operator runs them behind a load balancer: they share papers.indexed (one
 * consumer group, its partitions split between them), and each tells the other what it took in. A subscription made
 * on one is matched at once by both; a client following it on either instance is shown every paper, each once; its
 * webhook gets each paper once, whichever instance took the paper in. The parts are separate processes on the real
 * broker and PostgreSQL, as in the local runtime.
 */
class GatewayInstancesIT {

    static final int PAPERS = 300;
    static final long FIRST_PMID = 93_000_000L;
    static LocalStack stack;

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyInstanceShowsEveryPaperAndEachWebhookIsSentOnce() throws Exception {
        stack = new LocalStack(Folders.ephemeralRuntime("gateway-instances-runtime"))
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_ALLOW_LIST", "127.0.0.1/32")
                .start();
        stack.startInstance("api-gateway", "api-gateway-2");
        // Papers before the subscription: both instances have read the (empty) list of subscriptions and hold it.
        new PubmedGenerator(5).writeFiles(stack.inbox(), 30, 10, FIRST_PMID - 1_000);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> takenIn() >= 30);
        Map<String, Integer> partitions = partitionsPerMember();
        assertThat(partitions).as("papers.indexed partitions per gateway instance").hasSize(2)
                .allSatisfy((member, count) -> assertThat(count).isPositive());

        try (WebhookSink webhook = new WebhookSink()) {
            String stream = GatewayProbe.subscribeToEverything(stack, "api-gateway-2", webhook.url());
            try (LiveSubscriber first = new LiveSubscriber(stack.url("api-gateway") + stream);
                    LiveSubscriber second = new LiveSubscriber(stack.url("api-gateway-2") + stream)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> first.connections() > 0
                        && second.connections() > 0);
                new PubmedGenerator(6).writeFiles(stack.inbox(), PAPERS, 50, FIRST_PMID);
                Set<Long> expected = LongStream.range(FIRST_PMID, FIRST_PMID + PAPERS).boxed()
                        .collect(Collectors.toSet());
                awaitDelivered(expected, first, second, webhook);
                assertShownOnce(first, "the instance the subscription was not made on");
                assertShownOnce(second, "the instance the subscription was made on");
                Map<String, Set<String>> papersByDelivery = webhook.received().stream()
                        .collect(Collectors.groupingBy(WebhookSink.Received::deliveryId,
                                Collectors.mapping(r -> r.paperId() + "@" + r.version(), Collectors.toSet())));
                assertThat(papersByDelivery).as("one webhook delivery per paper; %d POSTs",
                        webhook.received().size()).hasSize(PAPERS)
                        .allSatisfy((delivery, papers) -> assertThat(papers).hasSize(1));
                assertThat(webhook.received()).as("each delivery POSTed once").hasSize(PAPERS);
            }
        }
        assertThat(stack.deadLetters()).as("records on the dead-letter topics").isEmpty();
    }

    /** How many papers.indexed records the gateways' consumer group has committed, over all partitions. */
    private static long takenIn() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            return admin.listConsumerGroupOffsets("evwatch-gateway").partitionsToOffsetAndMetadata().get().values()
                    .stream().filter(java.util.Objects::nonNull).mapToLong(o -> o.offset()).sum();
        }
    }

    /** How many partitions of papers.indexed each member of the gateways' consumer group holds. */
    private static Map<String, Integer> partitionsPerMember() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            Collection<MemberDescription> members = admin.describeConsumerGroups(List.of("evwatch-gateway"))
                    .all().get().get("evwatch-gateway").members();
            return members.stream().collect(Collectors.toMap(MemberDescription::consumerId,
                    m -> m.assignment().topicPartitions().size()));
        }
    }

    private static void awaitDelivered(Set<Long> expected, LiveSubscriber first, LiveSubscriber second,
            WebhookSink webhook) {
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> missing(expected, first).isEmpty() && missing(expected, second).isEmpty()
                            && missingAt(expected, webhook).isEmpty());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("papers not delivered after 4 minutes: on the first instance's stream "
                    + missing(expected, first).size() + ", on the second's " + missing(expected, second).size()
                    + ", by webhook " + missingAt(expected, webhook).size() + " of " + expected.size()
                    + "; the subscriptions: " + adminGet("/api/v1/subscriptions") + "; its deliveries: "
                    + deliveries() + "; the catalog holds "
                    + GatewayProbe.papers(stack) + " papers; the gateways took in " + takenInOrNot(), e);
        }
    }

    private static String adminGet(String path) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.url("api-gateway") + path))
                    .header("Authorization", "Bearer " + stack.secrets().get(LocalSecrets.ADMIN_KEY)).build();
            String body = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            return body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }

    private static String deliveries() {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([0-9a-f-]{36})\"")
                .matcher(adminGet("/api/v1/subscriptions"));
        return id.find() ? adminGet("/api/v1/subscriptions/" + id.group(1) + "/deliveries") : "(no subscription)";
    }

    private static String takenInOrNot() {
        try {
            return String.valueOf(takenIn());
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }

    private static void assertShownOnce(LiveSubscriber stream, String which) {
        List<Long> pmids = stream.shown().stream().map(LiveSubscriber.Shown::pmid).toList();
        assertThat(pmids).as("papers shown on %s", which).hasSize(PAPERS).doesNotHaveDuplicates();
    }

    private static Set<Long> missing(Set<Long> expected, LiveSubscriber stream) {
        Set<Long> missing = new TreeSet<>(expected);
        stream.shown().forEach(s -> missing.remove(s.pmid()));
        return missing;
    }

    private static Set<Long> missingAt(Set<Long> expected, WebhookSink webhook) {
        Set<Long> missing = new TreeSet<>(expected);
        webhook.received().forEach(r -> missing.remove(r.pmid()));
        return missing;
    }
}
