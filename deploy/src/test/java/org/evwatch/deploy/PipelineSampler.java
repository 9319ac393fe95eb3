package org.evwatch.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.evwatch.events.Topics;

/**
 * Samples a running pipeline once a second on its own thread: papers in the catalog, papers shown to the live
 * subscriber and posted to the webhook, each stage's consumer group (records it has committed, and its lag behind the
 * end of its input topic), and the resident memory of every process.
 */
final class PipelineSampler implements AutoCloseable {

    /** A stage: its consumer group and the topic it reads. */
    record Stage(String name, String group, String topic) {
    }

    static final List<Stage> STAGES = List.of(new Stage("extractor", "evwatch-extractor", Topics.PAPERS_FETCHED),
            new Stage("indexer", "evwatch-indexer", Topics.PAPERS_EXTRACTED),
            new Stage("api-gateway", "evwatch-gateway", Topics.PAPERS_INDEXED));

    /** Per stage: records committed by its group, and records on its input topic. */
    record Progress(long committed, long produced) {
        long lag() {
            return produced - committed;
        }
    }

    /** One sample, {@code nanos} after the start. */
    record Sample(long nanos, long catalog, int streamed, int posted, Map<String, Progress> stages,
            Map<String, Double> residentMb) {
        double residentTotal() {
            return residentMb.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private final LocalStack stack;
    private final RuntimeProcesses processes;
    private final IntSupplier streamed;
    private final IntSupplier posted;
    private final long start;
    private final List<Stage> stages;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private Connection catalog;

    PipelineSampler(LocalStack stack, RuntimeProcesses processes, IntSupplier streamed, IntSupplier posted,
            long start) {
        this(stack, processes, streamed, posted, start, STAGES);
    }

    /** Samples the consumer groups of {@code stages} instead of the pipeline's own. */
    PipelineSampler(LocalStack stack, RuntimeProcesses processes, IntSupplier streamed, IntSupplier posted,
            long start, List<Stage> stages) {
        this.stack = stack;
        this.stages = stages;
        this.processes = processes;
        this.streamed = streamed;
        this.posted = posted;
        this.start = start;
        this.thread = new Thread(this::run, "pipeline-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    synchronized Sample last() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    /**
     * Papers in the catalog, as the stats API counts them, read straight from the catalog: the stats API also
     * totals every entity's papers, which asked once a second would weigh on PostgreSQL as much as a stage does.
     */
    private long catalog() {
        try {
            if (catalog == null || catalog.isClosed()) {
                catalog = DriverManager.getConnection(stack.jdbcUrl(), stack.settings().dbUser(),
                        stack.settings().dbPassword());
            }
            try (Statement s = catalog.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from indexer.paper where merged is not null")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            // before the indexer made its schema, or while PostgreSQL is away
            return -1;
        }
    }

    private void run() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap()))) {
            while (!closed) {
                long next = System.nanoTime() + 1_000_000_000L;
                try {
                    Sample s = new Sample(System.nanoTime() - start, catalog(), streamed.getAsInt(),
                            posted.getAsInt(), progress(admin, stages), processes.residentMb());
                    synchronized (this) {
                        samples.add(s);
                    }
                } catch (Exception e) {
                    // a sample that cannot be taken (a group not yet formed) is skipped
                }
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Progress> progress(Admin admin, List<Stage> stages) throws Exception {
        Map<String, Progress> progress = new LinkedHashMap<>();
        for (Stage stage : stages) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(stage.group())
                    .partitionsToOffsetAndMetadata().get();
            int partitions = Topics.ALL.stream().filter(t -> t.name().equals(stage.topic())).findFirst()
                    .orElseThrow().partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(stage.topic(), p), OffsetSpec.latest());
            }
            long produced = admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            long done = committed.entrySet().stream().filter(e -> e.getKey().topic().equals(stage.topic()))
                    .filter(e -> e.getValue() != null).mapToLong(e -> e.getValue().offset()).sum();
            progress.put(stage.name(), new Progress(done, produced));
        }
        return progress;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join(5000);
        if (catalog != null) {
            try {
                catalog.close();
            } catch (SQLException e) {
                // the runtime is stopping
            }
        }
    }
}
