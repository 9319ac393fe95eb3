package org.evwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.PaperExtractedDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Re-extracting every paper after an extractor upgrade, with the real processes: papers flow with extractor version
 * A; the extractor is restarted as version B with one more disease in its vocabulary (a name only one paper
 * mentions), and the replay command ({@link Replay}, what {@code deploy/replay.sh} runs) sends every fetched record
 * through the pipeline again. Then every source record in the catalog carries B, no paper is doubled, and a live
 * subscriber and a webhook are told about the one paper whose extraction changed visibly (as an update, version 2)
 * and about no other. Finally the extractor goes back to A and the replay runs again: nothing in the catalog moves
 * back to A, and nobody is told anything.
 */
class ReplayIT {

    static final int PAPERS = 30;
    static final long FIRST_PMID = 94_000_000L;
    /** The paper whose abstract names the disease only version B knows. */
    static final long CHANGED = FIRST_PMID;
    static final String A = "3.0.0";
    static final String B = "3.1.0";
    static final String DISEASE = "MESH:D999001";
    static LocalStack stack;

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aReplayReextractsEveryPaperAndAnnouncesOnlyTheOneThatChanged() throws Exception {
        stack = new LocalStack(Folders.ephemeralRuntime("replay-runtime"))
                .environment("extractor", "EVWATCH_EXTRACTOR_VERSION", A)
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_ALLOW_LIST", "127.0.0.1/32")
                .environment("api-gateway", "EVWATCH_GATEWAY_WEBHOOKS_INITIAL_DELAY", "1s")
                .start();
        try (WebhookSink webhook = new WebhookSink();
                LiveSubscriber stream = new LiveSubscriber(GatewayProbe.subscribeToEverything(stack, webhook.url()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> stream.connections() > 0);
            dropPapers(stack.settings().runtime().resolve("generated"));
            awaitDelivered(stream, webhook, PAPERS);
            assertThat(sourceRecords(A)).as("records extracted by A").isEqualTo(PAPERS);

            restartExtractor(B, writeVocabulary(stack.settings().runtime().resolve("vocabulary-b")));
            JsonNode replay = replay();
            assertThat(replay.path("missing").asLong()).as("records without a stored copy").isZero();
            assertThat(replay.path("sent").asLong()).isEqualTo(PAPERS);
            await().atMost(Duration.ofMinutes(3)).until(() -> sourceRecords(B) == PAPERS);
            awaitDelivered(stream, webhook, PAPERS + 1);
            Thread.sleep(5000);
            assertCatalog(B);
            assertThat(count("select count(*) from indexer.paper_entity where entity_id = '" + DISEASE + "'"))
                    .as("papers with the disease B knows").isEqualTo(1);
            assertAnnouncedOnce(stream, webhook);

            restartExtractor(A, null);
            replay();
            awaitExtracted(A, 2 * PAPERS);
            awaitIndexerCaughtUp();
            Thread.sleep(5000);
            assertCatalog(B);
            assertAnnouncedOnce(stream, webhook);
        }
    }

    /** The generated papers, the first with a disease in its abstract that only version B's vocabulary names. */
    private static void dropPapers(Path folder) throws Exception {
        List<Path> files = new PubmedGenerator(41).writeFiles(folder, PAPERS, 10, FIRST_PMID);
        String first = Files.readString(files.get(0));
        Files.writeString(files.get(0), first.replaceFirst("(<AbstractText[^>]*>)",
                "$1Patients with replayosis were enrolled. "));
        for (Path file : files) {
            stack.drop(file, file.getFileName().toString());
        }
    }

    /** A CTD disease file naming one disease no paper but the changed one mentions. */
    private static Path writeVocabulary(Path folder) throws Exception {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("ctd_diseases_replay.tsv"), String.join("\t", "Replayosis", DISEASE, "",
                "A disease of replays.", "MESH:D004194", "C01.999", "C01", "Replay syndrome", "") + "\n");
        return folder;
    }

    private static void restartExtractor(String version, Path vocabulary) throws Exception {
        stack.kill("extractor");
        stack.environment("extractor", "EVWATCH_EXTRACTOR_VERSION", version).environment("extractor",
                "EVWATCH_EXTRACTOR_VOCABULARY_DIR", vocabulary == null ? "" : vocabulary.toString());
        stack.restart("extractor");
    }

    /** Runs the replay command until the replay is done; its last progress. */
    private static JsonNode replay() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Replay command = new Replay(stack.url("fetcher"), stack.secrets().get(LocalSecrets.INTERNAL_TOKEN),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        JsonNode done = command.start(true);
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(done.path("state").asText()).isEqualTo("DONE");
        assertThat(done.path("done").asLong()).isEqualTo(done.path("total").asLong());
        assertThat(output).contains("replay " + done.path("id").asLong() + " DONE: " + done.path("total").asLong()
                + "/" + done.path("total").asLong() + " records done");
        return done;
    }

    private static void awaitDelivered(LiveSubscriber stream, WebhookSink webhook, int deliveries) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> ours(stream.shown().stream().map(LiveSubscriber.Shown::pmid)) >= deliveries
                        && ours(webhook.received().stream().map(WebhookSink.Received::pmid)) >= deliveries);
    }

    private static long ours(java.util.stream.Stream<Long> pmids) {
        return pmids.filter(p -> p >= FIRST_PMID && p < FIRST_PMID + PAPERS).count();
    }

    /** Every paper once, each of its source records extracted by {@code version}, nothing dead-lettered. */
    private static void assertCatalog(String version) throws Exception {
        assertThat(sourceRecords(version)).as("records extracted by " + version).isEqualTo(PAPERS);
        assertThat(count("select count(*) from indexer.source_record where extractor_version <> '" + version + "'"))
                .as("records extracted by another version").isZero();
        assertThat(GatewayProbe.papers(stack)).as("papers in the catalog").isEqualTo(PAPERS);
        Set<Long> expected = LongStream.range(FIRST_PMID, FIRST_PMID + PAPERS).boxed().collect(Collectors.toSet());
        assertThat(GatewayProbe.pmids(stack, FIRST_PMID, FIRST_PMID + PAPERS)).isEqualTo(expected);
        assertThat(stack.deadLetters()).as("records on the dead-letter topics").isEmpty();
    }

    /** Each paper was shown and posted once as created; the changed one once more, as its version 2. */
    private static void assertAnnouncedOnce(LiveSubscriber stream, WebhookSink webhook) {
        Map<Long, List<Long>> shown = stream.shown().stream().filter(s -> s.pmid() >= FIRST_PMID)
                .collect(Collectors.groupingBy(LiveSubscriber.Shown::pmid,
                        Collectors.mapping(LiveSubscriber.Shown::version, Collectors.toList())));
        Map<Long, Set<Long>> posted = webhook.received().stream().filter(r -> r.pmid() >= FIRST_PMID)
                .collect(Collectors.groupingBy(WebhookSink.Received::pmid,
                        Collectors.mapping(WebhookSink.Received::version, Collectors.toSet())));
        assertThat(shown).hasSize(PAPERS).allSatisfy((pmid, versions) -> assertThat(versions)
                .as("versions of %d on the live stream", pmid)
                .isEqualTo(pmid == CHANGED ? List.of(1L, 2L) : List.of(1L)));
        assertThat(posted).hasSize(PAPERS).allSatisfy((pmid, versions) -> assertThat(versions)
                .as("versions of %d posted", pmid).isEqualTo(pmid == CHANGED ? Set.of(1L, 2L) : Set.of(1L)));
    }

    private static void awaitExtracted(String version, int records) {
        PaperExtractedDeserializer deserializer = new PaperExtractedDeserializer();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            AtomicLong n = new AtomicLong();
            TopicRecords.readAll(stack, Topics.PAPERS_EXTRACTED, r -> {
                PaperExtracted e = deserializer.deserialize(r.topic(), r.value());
                n.addAndGet(version.equals(e.extractorVersion()) ? 1 : 0);
            });
            return n.get() >= records;
        });
    }

    /** Waits until the indexer's consumer group has committed papers.extracted to its end. */
    private static void awaitIndexerCaughtUp() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("evwatch-indexer")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                        .filter(tp -> tp.topic().equals(Topics.PAPERS_EXTRACTED))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                        .get();
                return !ends.isEmpty() && ends.entrySet().stream()
                        .allMatch(e -> committed.get(e.getKey()).offset() >= e.getValue().offset());
            });
        }
    }

    private static long sourceRecords(String version) throws Exception {
        return count("select count(*) from indexer.source_record where extractor_version = '" + version + "'");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(), stack.settings().dbUser(),
                stack.settings().dbPassword()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
