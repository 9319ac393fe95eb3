package org.evwatch.indexer.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.evwatch.events.Topics;
import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.TraceStep;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes the outbox to {@code papers.indexed}, oldest first, keyed by paper id, up to {@value #BATCH} rows a round:
 * one query claims them ({@link Outbox#claim}), all are sent at once, and one statement marks them sent once Kafka has
 * acknowledged every one, in the transaction that claimed them. Every indexer runs a relay; each row is sent by one of
 * them, and each paper's announcements in order. It runs on its own thread, woken after each batch the consumer
 * indexed and every second anyway. A crash between Kafka's acknowledgement and the mark publishes the rows again, by
 * the next relay to claim them: consumers of {@code papers.indexed} are idempotent on (paper id, version).
 * <p>
 * Rows are never picked up while a catalog change, made by any indexer, is on its way into the search index
 * ({@link #holdingAnnouncements}, {@link AnnouncementFence}), so a paper is searchable by the time it is announced.
 * <p>
 * Each announcement sent by the indexer that made it continues the trace of the record that made it
 * ({@link AnnouncementTraces}); the rows waiting are served as the outbox backlog
 * ({@link PipelineMetric#OUTBOX_BACKLOG}, outbox {@code papers.indexed}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final int KEEP_SENT_DAYS = 7;

    private static final long BACKLOG_FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final DataSource dataSource;
    private final Emitter<byte[]> emitter;
    private final PipelineMetrics metrics;
    private final PipelineTracing tracing;
    private final AnnouncementTraces traces;
    private volatile long backlog;
    private volatile long backlogReadAt = System.nanoTime() - BACKLOG_FRESH_NANOS;
    private final Semaphore work = new Semaphore(0);
    private volatile boolean running;
    private long lastPrune = System.nanoTime();
    private Thread thread;

    public OutboxRelay(DataSource dataSource,
            @Channel("papers-indexed") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2
                    * BATCH) Emitter<byte[]> emitter,
            PipelineMetrics metrics, PipelineTracing tracing, AnnouncementTraces traces) {
        this.dataSource = dataSource;
        this.emitter = emitter;
        this.metrics = metrics;
        this.tracing = tracing;
        this.traces = traces;
    }

    void start(@Observes StartupEvent event) {
        metrics.gauge(PipelineMetric.OUTBOX_BACKLOG, this, OutboxRelay::backlog, Topics.PAPERS_INDEXED);
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the row being published; what is not marked sent is published at the next start. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        work.release();
        if (thread != null) {
            thread.join(ACK_TIMEOUT.toMillis());
        }
    }

    /**
     * Runs {@code work}, which commits catalog changes with their outbox rows and puts them into the search index,
     * while the relay picks up no row: none of the changes is announced before {@code work} has made it searchable.
     */
    public <T> T holdingAnnouncements(Supplier<T> work) {
        return AnnouncementFence.holdingShared(dataSource, work);
    }

    /** Tells the relay that the catalog committed announcements. */
    public void wake() {
        work.release();
    }

    private void run() {
        while (running) {
            try {
                if (relayOnce() < BATCH) {
                    work.tryAcquire(1, TimeUnit.SECONDS);
                    work.drainPermits();
                }
                pruneNowAndThen();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("outbox relay failed (%s); trying again in a second", e.toString());
                pause();
            }
        }
    }

    /**
     * Publishes one batch of unsent rows; returns how many. The rows stay claimed, by this relay's transaction, from
     * their pick-up until they are marked sent after Kafka's acknowledgement: another relay skips them meanwhile, and
     * takes them up if this one dies (its transaction rolls back with its connection).
     */
    int relayOnce() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int sent = publishClaimed(c);
                c.commit();
                return sent;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private int publishClaimed(Connection c) throws Exception {
        List<Outbox.Pending> pending = claim(c);
        if (pending.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(pending.size());
        for (Outbox.Pending p : pending) {
            acks.add(publish(p));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        Outbox.markSent(c, pending);
        return pending.size();
    }

    /** Claims the oldest unsent rows, none of whose papers is still on its way into the search index. */
    private List<Outbox.Pending> claim(Connection c) throws SQLException {
        return AnnouncementFence.whileExclusive(dataSource, () -> Outbox.claim(c, BATCH)).orElse(List.of());
    }

    private CompletableFuture<Void> publish(Outbox.Pending p) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        var metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(p.paperId());
        String parent = tracing.enabled() ? traces.take(p.paperId(), p.version()) : null;
        TraceStep step = parent == null ? TraceStep.NONE : tracing.sendOn(Topics.PAPERS_INDEXED, parent, p.paperId());
        if (step != TraceStep.NONE) {
            RecordHeaders headers = new RecordHeaders();
            step.addTo(headers);
            metadata.withHeaders(headers);
        }
        emitter.send(Message.of(p.payload(), Metadata.of(metadata.build()), () -> {
            step.close();
            metrics.recordOut(Topics.PAPERS_INDEXED);
            acked.complete(null);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            step.fail(failure);
            step.close();
            acked.completeExceptionally(failure);
            return CompletableFuture.completedFuture(null);
        }));
        return acked;
    }

    /** The rows waiting, read at most once a second (a scrape asks for it). */
    private double backlog() {
        if (System.nanoTime() - backlogReadAt >= BACKLOG_FRESH_NANOS) {
            try (Connection c = dataSource.getConnection()) {
                backlog = Outbox.unsentCount(c);
                backlogReadAt = System.nanoTime();
            } catch (SQLException e) {
                return Double.NaN;
            }
        }
        return backlog;
    }

    private void pruneNowAndThen() throws SQLException {
        if (System.nanoTime() - lastPrune < PRUNE_EVERY.toNanos()) {
            return;
        }
        lastPrune = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            int pruned = Outbox.prune(c, KEEP_SENT_DAYS);
            if (pruned > 0) {
                LOG.infof("pruned %d announcements published more than %d days ago", pruned, KEEP_SENT_DAYS);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
