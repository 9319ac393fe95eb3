package org.evwatch.fetcher.replay;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Objects;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.fetcher.config.FetchConfig;
import org.evwatch.fetcher.messaging.FetchedPublisher;
import org.evwatch.fetcher.messaging.OutgoingRecord;
import org.evwatch.fetcher.persistence.Replays;
import org.evwatch.fetcher.persistence.SourceLeases;
import org.evwatch.fetcher.poll.LeasedJobs;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Sends every stored record to papers.fetched again, as it was last sent (same key, same fetch time, same content),
 * so that the extractor running now extracts every paper again and the indexer keeps the newest extraction. Pages of
 * {@value #PAGE} records in key order; progress is stored once Kafka acknowledged a page, so a replay interrupted by a
 * restart resumes after the last page acknowledged (the page in flight is sent again, which changes nothing
 * downstream). One instance works on a replay at a time, under its lease.
 */
@ApplicationScoped
public class ReplayRunner {

    private static final Logger LOG = Logger.getLogger(ReplayRunner.class);
    /** Records sent before waiting for Kafka: within what the emitter buffers. */
    static final int PAGE = 100;

    private final Replays replays;
    private final FetchedPublisher publisher;
    private final long ackTimeoutMillis;
    private final LeasedJobs jobs;

    public ReplayRunner(Replays replays, FetchedPublisher publisher, SourceLeases leases, FetchConfig config) {
        this.replays = replays;
        this.publisher = publisher;
        this.ackTimeoutMillis = config.poll().ackTimeout().toMillis();
        this.jobs = new LeasedJobs("replay", leases, config.poll().lease(),
                Executors.newSingleThreadExecutor(r -> new Thread(r, "evwatch-replay")), this::runOrNoteFailure);
    }

    /** Starts a replay of every stored record, or gives the one already running. */
    public Replays.View start() {
        Replays.View view = replays.start();
        jobs.submit(view.id());
        return view;
    }

    /** Picks up a running replay nobody works on: after a restart, or after a page Kafka did not acknowledge. */
    @Scheduled(every = "${evwatch.fetcher.replay.resume-every:10s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeRunning() {
        jobs.resume(replays.running().stream().map(Replays.View::id).toList());
    }

    private void runOrNoteFailure(long id, SourceLeases.Lease held) {
        try {
            run(id, held);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SourceLeases.LeaseLostException e) {
            throw e;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            String message = "a page was not sent: " + e;
            LOG.warnf("replay %d stopped, to be resumed: %s", id, message);
            replays.failed(id, message);
        }
    }

    private void run(long id, SourceLeases.Lease held)
            throws InterruptedException, ExecutionException, TimeoutException {
        Replays.Stored after = replays.resumeAfter(id).orElse(null);
        while (!Thread.currentThread().isInterrupted()) {
            List<Replays.Stored> page = replays.page(after == null ? null : after.source(),
                    after == null ? null : after.recordId(), PAGE);
            if (page.isEmpty()) {
                replays.finished(held, id);
                LOG.infof("replay %d done", id);
                return;
            }
            List<OutgoingRecord> records = page.stream().map(Replays.Stored::record).filter(Objects::nonNull)
                    .map(OutgoingRecord::of).toList();
            publisher.sendAll(records).get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
            after = page.get(page.size() - 1);
            replays.pageDone(held, id, after, records.size(), page.size() - records.size());
        }
    }

    @PreDestroy
    void stop() {
        jobs.stop();
    }
}
