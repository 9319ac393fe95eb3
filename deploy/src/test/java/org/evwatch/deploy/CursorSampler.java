package org.evwatch.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.evwatch.events.Topics;

/**
 * Watches the fetcher's cursor for one source and watch in a running stack: every sample reads the cursor from the
 * fetcher's table, then the end offset of each partition of papers.fetched. Because the end offsets are read after
 * the cursor, every record Kafka had acknowledged when that cursor was written lies below them.
 */
final class CursorSampler implements AutoCloseable {

    /** A cursor (null while the source has none) and the end offsets read just after it, by partition. */
    record Sample(long atMillis, LocalDate cursor, Map<Integer, Long> ends) {
    }

    private static final String QUERY = "select completed_through from fetcher.source_cursor "
            + "where source = ? and watch_id = ?";

    private final LocalStack stack;
    private final String source;
    private final String watch;
    private final Duration every;
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private volatile boolean running = true;
    private Thread thread;

    CursorSampler(LocalStack stack, String source, String watch, Duration every) {
        this.stack = stack;
        this.source = source;
        this.watch = watch;
        this.every = every;
    }

    /** The cursor now, read once. */
    static Optional<LocalDate> read(LocalStack stack, String source, String watch) throws SQLException {
        try (Connection c = connect(stack)) {
            return read(c, source, watch);
        }
    }

    CursorSampler start() {
        thread = new Thread(this::run, "cursor-sampler");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** Samples that could not be taken (the database or broker did not answer), with the reason. */
    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    private void run() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            Connection db = null;
            while (running) {
                try {
                    db = db == null ? connect(stack) : db;
                    sample(db, admin);
                } catch (Exception e) {
                    synchronized (this) {
                        errors.add(e.toString());
                    }
                    closeQuietly(db);
                    db = null;
                }
                sleep();
            }
            closeQuietly(db);
        }
    }

    private void sample(Connection db, Admin admin) throws Exception {
        LocalDate cursor = read(db, source, watch).orElse(null);
        Map<Integer, Long> ends = ends(admin);
        synchronized (this) {
            samples.add(new Sample(System.currentTimeMillis(), cursor, ends));
        }
    }

    private static void closeQuietly(Connection db) {
        try {
            if (db != null) {
                db.close();
            }
        } catch (SQLException e) {
            // already gone
        }
    }

    private static Map<Integer, Long> ends(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        int partitions = Topics.ALL.stream().filter(t -> t.name().equals(Topics.PAPERS_FETCHED)).findFirst()
                .orElseThrow().partitions();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(Topics.PAPERS_FETCHED, p), OffsetSpec.latest());
        }
        Map<Integer, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS)
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return ends;
    }

    private void sleep() {
        try {
            Thread.sleep(every.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }

    private static Connection connect(LocalStack stack) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.settings().dbUser(), stack.settings().dbPassword());
    }

    private static Optional<LocalDate> read(Connection c, String source, String watch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(QUERY)) {
            s.setString(1, source);
            s.setString(2, watch);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, LocalDate.class)) : Optional.empty();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(15_000);
        }
    }
}
