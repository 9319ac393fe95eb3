package org.evwatch.indexer.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.Paper;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Topics;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.evwatch.testing.messaging.MessageEmitter;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several relays on one outbox, on the real PostgreSQL and broker: every row is published once, each paper's versions
 * in order, and the rows a relay had claimed when it died are published by another.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class OutboxRelaysIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Inject
    OutboxRelay relay;
    @Inject
    DataSource dataSource;
    @Inject
    PipelineMetrics metrics;
    @Inject
    PipelineTracing tracing;
    @Inject
    AnnouncementTraces traces;

    @Test
    void noRowIsClaimedWhileAWriterHoldsTheFenceAndNoFenceOutlivesItsTransaction() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> writer = CompletableFuture.supplyAsync(() -> AnnouncementFence.holdingShared(
                dataSource, () -> {
                    holding.countDown();
                    awaitQuietly(release);
                    return "indexed";
                }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(AnnouncementFence.whileExclusive(dataSource, () -> "claimed")).isEmpty();
        release.countDown();
        assertThat(writer.get(30, TimeUnit.SECONDS)).isEqualTo("indexed");
        assertThat(AnnouncementFence.whileExclusive(dataSource, () -> "claimed")).contains("claimed");

        // Work that fails, and a claim that fails, leave nothing behind on the pooled connections they used.
        assertThatThrownBy(() -> AnnouncementFence.holdingShared(dataSource, () -> {
            throw new IllegalStateException("index down");
        })).hasMessage("index down");
        assertThatThrownBy(() -> AnnouncementFence.whileExclusive(dataSource, () -> {
            throw new SQLException("claim failed");
        })).hasMessage("claim failed");
        await().atMost(PATIENCE).until(() -> fenceLocks() == 0);
        for (int i = 0; i < 5; i++) {
            assertThat(AnnouncementFence.holdingShared(dataSource, () -> "again", 5)).isEqualTo("again");
        }
    }

    @Test
    void aWriterThatCannotHaveTheFenceGivesUpNamingWhoHoldsIt() throws Exception {
        CountDownLatch claiming = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> relayHolding = CompletableFuture.supplyAsync(() -> {
            try {
                return AnnouncementFence.whileExclusive(dataSource, () -> {
                    claiming.countDown();
                    awaitQuietly(release);
                    return "claimed";
                });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(claiming.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> AnnouncementFence.holdingShared(dataSource, () -> "indexed", 1))
                    .hasMessageContaining("not had in 1 s").hasMessageContaining("ExclusiveLock");
        } finally {
            release.countDown();
        }
        assertThat(relayHolding.get(30, TimeUnit.SECONDS)).contains("claimed");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The fence's advisory locks held or awaited now, by any session. */
    private long fenceLocks() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from pg_locks where locktype = 'advisory' "
                        + "and objid = ?")) {
            s.setLong(1, AnnouncementFence.KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void relaysTogetherPublishEveryRowOnceAndEachPapersVersionsInOrder() throws Exception {
        String run = "relays:" + UUID.randomUUID() + ":";
        List<PaperIndexed> rows = announcements(run, 400, 3);
        try (KafkaConsumer<String, byte[]> indexed = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
            add(rows);
            // Two relays drain the outbox side by side, with the application's own relay running too.
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> drain(run));
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> drain(run));
            first.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            second.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            Map<String, List<Long>> published = published(indexed, run, rows.size());
            assertThat(published).hasSize(400);
            assertThat(published.values()).allSatisfy(versions -> assertThat(versions).containsExactly(1L, 2L, 3L));
        }
    }

    @Test
    void rowsClaimedByARelayThatDiesArePublishedByAnother() throws Exception {
        String run = "dying:" + UUID.randomUUID() + ":";
        SwallowingEmitter swallowing = new SwallowingEmitter();
        OutboxRelay dying = new OutboxRelay(dataSource, swallowing, metrics, tracing, traces);
        Thread dyingThread = new Thread(() -> claimOnce(dying), "dying-relay");
        dyingThread.setDaemon(true);
        try (KafkaConsumer<String, byte[]> indexed = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
            dyingThread.start();
            add(announcements(run + "a", 300, 1));
            await().atMost(PATIENCE).until(() -> !swallowing.paperIds.isEmpty());

            // Other rows keep flowing while the dying relay holds its claim, and its rows wait for it.
            add(announcements(run + "b", 50, 1));
            await().atMost(PATIENCE).until(() -> unsent(run + "b") == 0);
            Set<String> claimed = Set.copyOf(swallowing.paperIds);
            await().atMost(PATIENCE).until(() -> unsent(run) == claimed.size());
            assertThat(unsentIds(run)).containsExactlyInAnyOrderElementsOf(claimed);

            // It dies: its connection ends and another relay publishes what it had claimed.
            terminate(await().atMost(PATIENCE).until(this::claimingBackends, pids -> pids.size() == 1).get(0));
            await().atMost(PATIENCE).until(() -> unsent(run) == 0);

            Map<String, List<Long>> published = published(indexed, run, 350);
            assertThat(published).hasSize(350).containsKeys(claimed.toArray(String[]::new));
            assertThat(published.values()).allSatisfy(versions -> assertThat(versions).containsExactly(1L));
        }
    }

    /** {@code papers} papers under the prefix, each in versions 1 to {@code versions}, all first versions first. */
    private static List<PaperIndexed> announcements(String prefix, int papers, int versions) {
        List<PaperIndexed> out = new ArrayList<>();
        for (long v = 1; v <= versions; v++) {
            for (int p = 0; p < papers; p++) {
                Paper paper = new Paper(Paper.Identifiers.NONE, "Relayed paper " + p, List.of(), List.of(), null, null,
                        List.of(), List.of(), List.of(), null, null, null, List.of());
                out.add(new PaperIndexed(PaperIndexed.SCHEMA_VERSION, prefix + p,
                        v == 1 ? PaperIndexed.Change.CREATED : PaperIndexed.Change.UPDATED, v, Instant.now(), paper,
                        List.of(), null, List.of()));
            }
        }
        return out;
    }

    private void add(List<PaperIndexed> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Outbox.add(c, rows);
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** Relays until no row of the run is left unsent; returns how many this relay published. */
    private int drain(String run) {
        int sent = 0;
        try {
            while (unsent(run) > 0) {
                int round = relay.relayOnce();
                sent += round;
                if (round == 0) {
                    Thread.sleep(20);
                }
            }
            return sent;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Claims rows and never has them acknowledged: it hangs until its connection is ended. */
    private static void claimOnce(OutboxRelay dying) {
        try {
            while (dying.relayOnce() == 0) {
                Thread.sleep(20);
            }
        } catch (Exception e) {
            // Its connection was ended under it, as when its process dies.
        }
    }

    private long unsent(String prefix) throws SQLException {
        return unsentIds(prefix).size();
    }

    private List<String> unsentIds(String prefix) throws SQLException {
        return strings("select paper_id from outbox where sent_at is null and paper_id like ? || '%'", prefix);
    }

    /** The sessions idle in a transaction after claiming rows: relays waiting for Kafka's acknowledgements. */
    private List<String> claimingBackends() throws SQLException {
        return strings("select pid::text from pg_stat_activity where datname = current_database() "
                + "and state = 'idle in transaction' and query like ? || '%'",
                "select id, paper_id, version, payload "
                        + "from outbox");
    }

    private void terminate(String pid) throws SQLException {
        assertThat(strings("select pg_terminate_backend(?::int)::text", pid)).containsExactly("true");
    }

    private List<String> strings(String sql, String parameter) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The versions published of each paper under the prefix, in the order read, once {@code expected} are read. */
    private static Map<String, List<Long>> published(KafkaConsumer<String, byte[]> indexed, String prefix,
            int expected) {
        PaperIndexedDeserializer deserializer = new PaperIndexedDeserializer();
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        int read = 0;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long quietUntil = Long.MAX_VALUE;
        // Reads on for a second once all are in, so that a duplicate sent late is seen too.
        while (System.nanoTime() < Math.min(deadline, quietUntil)) {
            for (ConsumerRecord<String, byte[]> r : indexed.poll(Duration.ofMillis(200))) {
                if (r.key() != null && r.key().startsWith(prefix)) {
                    versions.computeIfAbsent(r.key(), k -> new ArrayList<>())
                            .add(deserializer.deserialize(r.topic(), r.value()).version());
                    read++;
                }
            }
            if (read >= expected && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            }
        }
        return versions;
    }

    /** An emitter whose messages are never acknowledged, as for a relay that dies while sending. */
    private static final class SwallowingEmitter extends MessageEmitter<byte[]> {

        private final Set<String> paperIds = ConcurrentHashMap.newKeySet();
        private final PaperIndexedDeserializer deserializer = new PaperIndexedDeserializer();

        @Override
        public <M extends org.eclipse.microprofile.reactive.messaging.Message<? extends byte[]>> void send(M msg) {
            paperIds.add(deserializer.deserialize(Topics.PAPERS_INDEXED, msg.getPayload()).paperId());
        }
    }
}
