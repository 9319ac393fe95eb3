package org.evwatch.gateway.subscriptions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.events.tracing.TraceStep;
import org.evwatch.gateway.scheduling.Poller;
import org.evwatch.gateway.settings.GatewaySettings;
import org.evwatch.gateway.webhook.RetrySchedule;
import org.evwatch.gateway.webhook.WebhookSender;
import org.jboss.logging.Logger;

/**
 * Delivers matched papers to webhooks. A delivery is stored first (so it survives a restart), then tried at once;
 * failed attempts that may succeed later are retried on the backoff schedule by a poller that claims due deliveries
 * with {@code FOR UPDATE SKIP LOCKED}, so several gateway instances never send the same attempt twice. Every attempt
 * is recorded.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    private static final int BATCH_SOON = 100;
    /** How long a claimed delivery stays invisible to other pollers while its attempt runs. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final DeliveryStore store;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final GatewaySettings settings;
    private final DeliveryMetrics metrics;
    private final PipelineTracing tracing;
    private final Clock clock = Clock.systemUTC();
    private final LinkedBlockingQueue<UUID> soon = new LinkedBlockingQueue<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> daemon(r, "webhook-send"));
    private final Poller poller = new Poller("webhook-poll", this::pollSafely);

    public WebhookDispatcher(DeliveryStore store, WebhookSender sender, RetrySchedule schedule,
            GatewaySettings settings, DeliveryMetrics metrics, PipelineTracing tracing) {
        this.store = store;
        this.sender = sender;
        this.schedule = schedule;
        this.settings = settings;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    void start(@Observes StartupEvent event) {
        poller.start(settings.webhooks().pollInterval());
    }

    /** Stops before the datasource closes, so no poll runs against a closed database during shutdown. */
    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        poller.stop();
        workers.shutdownNow();
    }

    /**
     * Stores a delivery of {@code payload}, joining the caller's transaction; its id, or empty when this paper version
     * was stored before. Once the transaction commits, {@link #attemptSoon} sends it; if the process stops first, the
     * poller does when the delivery's claim runs out. Its attempts continue the trace of {@code traceparent} (null
     * when the paper is not traced).
     */
    public Optional<UUID> store(UUID subscriptionId, String url, String paperId, long version, String payload,
            String traceparent) {
        Instant now = clock.instant();
        return store.insert(subscriptionId, url, paperId, version, payload, traceparent, now, now.plus(CLAIM));
    }

    /**
     * Tries committed deliveries straight away, on the sender threads. Deliveries queued meanwhile are taken together
     * (up to {@value #BATCH_SOON} at a time), so that under load one read and one write serve many of them.
     */
    public void attemptSoon(List<UUID> ids) {
        if (!ids.isEmpty()) {
            soon.addAll(ids);
            workers.submit(this::attemptQueued);
        }
    }

    private void attemptQueued() {
        List<UUID> ids = new ArrayList<>();
        while (soon.drainTo(ids, BATCH_SOON) > 0) {
            attemptAll(ids);
            ids.clear();
        }
    }

    private void pollSafely() {
        try {
            List<UUID> due;
            do {
                Instant now = clock.instant();
                due = store.claimDue(now, now.plus(CLAIM), BATCH);
                attemptAll(due);
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("webhook poll failed; will try again", e);
        }
    }

    /**
     * Attempts the deliveries among {@code ids} that still wait: one query reads them, each is sent in turn, and
     * one transaction records every attempt. A stop before the record leaves them claimed, and the poller sends them
     * again once the claim runs out (receivers deduplicate on the delivery id).
     */
    private void attemptAll(List<UUID> ids) {
        List<DeliveryStore.Attempted> attempted = new ArrayList<>(ids.size());
        try {
            for (DeliveryStore.Pending d : store.pending(ids)) {
                attempted.add(attempt(d));
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook deliveries " + ids + " failed unexpectedly; they will be retried", e);
        }
        if (!attempted.isEmpty()) {
            store.record(attempted, clock.instant());
        }
    }

    /**
     * One attempt, as a step of the paper's trace when it is traced (with the subscription, the attempt's number and
     * its outcome); its log lines, among them the one of a failed attempt, name the paper and its trace.
     */
    private DeliveryStore.Attempted attempt(DeliveryStore.Pending d) {
        try (TraceStep step = d.traceparent() == null
                ? TraceStep.NONE
                : tracing.deliver("webhook", d.traceparent(), d.paperId())) {
            RecordLog.enterPaper(d.paperId(), step);
            step.attribute(PipelineTracing.SUBSCRIPTION_ID, String.valueOf(d.subscriptionId()));
            step.attribute(PipelineTracing.ATTEMPT, String.valueOf(d.attempts() + 1));
            DeliveryStore.Attempted attempted = attempt(d, step.traceparent());
            WebhookAttempt.Outcome settled = attempted.settled();
            step.attribute(PipelineTracing.OUTCOME, settled.name().toLowerCase(Locale.ROOT));
            if (!attempted.outcome().success()) {
                String why = "webhook answered " + attempted.outcome().status() + ": " + attempted.outcome().error();
                step.fail(new IllegalStateException(why));
                LOG.logf(settled == WebhookAttempt.Outcome.FAILED ? Logger.Level.WARN : Logger.Level.INFO,
                        "webhook delivery %s of subscription %s, attempt %d, %s: %s", d.id(), d.subscriptionId(),
                        attempted.attemptNo(), settled == WebhookAttempt.Outcome.FAILED ? "given up" : "will retry",
                        why);
            }
            return attempted;
        } finally {
            RecordLog.leave();
        }
    }

    private DeliveryStore.Attempted attempt(DeliveryStore.Pending d, String traceparent) {
        int attemptNo = d.attempts() + 1;
        Instant started = clock.instant();
        String event = d.payload().contains("\"event\":\"paper.updated\"") ? "paper.updated" : "paper.created";
        WebhookSender.Outcome outcome = sender.send(d.url(), d.secret(), d.payload().getBytes(StandardCharsets.UTF_8),
                d.id().toString(), event, traceparent);
        Optional<Duration> retry = outcome.retryable()
                ? schedule.delayBefore(attemptNo + 1, ThreadLocalRandom.current()::nextDouble)
                : Optional.empty();
        metrics.webhook(outcome.success(), retry.isPresent());
        return new DeliveryStore.Attempted(d.id(), attemptNo, started, outcome, retry);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
