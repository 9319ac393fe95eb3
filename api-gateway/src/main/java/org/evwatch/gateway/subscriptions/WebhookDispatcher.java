package org.evwatch.gateway.subscriptions;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

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
    /** How long a claimed delivery stays invisible to other pollers while its attempt runs. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final EntityManager em;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final GatewaySettings settings;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> daemon(r, "webhook-send"));
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "webhook-poll"));

    public WebhookDispatcher(EntityManager em, WebhookSender sender, RetrySchedule schedule,
            GatewaySettings settings) {
        this.em = em;
        this.sender = sender;
        this.schedule = schedule;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        long every = Math.max(100, settings.webhooks().pollInterval().toMillis());
        poller.scheduleWithFixedDelay(this::pollSafely, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops before the datasource closes, so no poll runs against a closed database during shutdown. */
    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
        workers.shutdownNow();
    }

    /** Stores a delivery of {@code payload} and tries it straight away; a repeat of the same paper version is ignored. */
    public void enqueue(UUID subscriptionId, String url, String paperId, long version, String payload) {
        Optional<UUID> id = QuarkusTransaction.requiringNew().call(() -> store(subscriptionId, url, paperId,
                version, payload));
        id.ifPresent(d -> workers.submit(() -> attemptClaimed(List.of(d))));
    }

    private Optional<UUID> store(UUID subscriptionId, String url, String paperId, long version, String payload) {
        // The unique key makes this idempotent when papers.indexed is redelivered.
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                insert into webhook_delivery (id, subscription_id, paper_id, paper_version, url, payload, state,
                    attempts, next_attempt_at, created_at, updated_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', 0, ?7, ?7, ?7)
                on conflict (subscription_id, paper_id, paper_version) do nothing
                returning id""", UUID.class)
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscriptionId).setParameter(3, paperId)
                .setParameter(4, version).setParameter(5, url).setParameter(6, payload)
                .setParameter(7, clock.instant().plus(CLAIM))
                .getResultList();
        return ids.stream().findFirst();
    }

    private void pollSafely() {
        try {
            List<UUID> due;
            do {
                due = QuarkusTransaction.requiringNew().call(this::claimDue);
                if (!due.isEmpty()) {
                    attemptClaimed(due);
                }
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("webhook poll failed; will try again", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<UUID> claimDue() {
        return em.createNativeQuery("""
                update webhook_delivery set next_attempt_at = ?1
                where id in (select id from webhook_delivery
                             where state = 'PENDING' and next_attempt_at <= ?2
                             order by next_attempt_at limit ?3 for update skip locked)
                returning id""", UUID.class)
                .setParameter(1, clock.instant().plus(CLAIM)).setParameter(2, clock.instant())
                .setParameter(3, BATCH).getResultList();
    }

    private void attemptClaimed(List<UUID> ids) {
        for (UUID id : ids) {
            try {
                attempt(id);
            } catch (RuntimeException e) {
                LOG.warn("webhook delivery " + id + " failed unexpectedly; it will be retried", e);
            }
        }
    }

    private void attempt(UUID deliveryId) {
        WebhookDelivery d = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.findById(deliveryId));
        if (d == null || d.state != WebhookDelivery.State.PENDING) {
            return;
        }
        String secret = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = Subscription.findById(d.subscriptionId);
            return s == null ? null : s.webhookSecret;
        });
        if (secret == null) {
            return;
        }
        int attemptNo = d.attempts + 1;
        Instant started = clock.instant();
        String event = d.payload.contains("\"event\":\"paper.updated\"") ? "paper.updated" : "paper.created";
        WebhookSender.Outcome outcome = sender.send(d.url, secret, d.payload.getBytes(StandardCharsets.UTF_8),
                d.id.toString(), event);
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, attemptNo, started, outcome));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(UUID deliveryId, int attemptNo, Instant started, WebhookSender.Outcome outcome) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryId = deliveryId;
        a.attempt = attemptNo;
        a.startedAt = started;
        a.durationMs = outcome.duration().toMillis();
        a.statusCode = outcome.status() == 0 ? null : outcome.status();
        a.error = outcome.error();
        d.attempts = attemptNo;
        d.updatedAt = clock.instant();
        Optional<Duration> retry = outcome.retryable()
                ? schedule.delayBefore(attemptNo + 1, ThreadLocalRandom.current()::nextDouble)
                : Optional.empty();
        if (outcome.success()) {
            a.outcome = WebhookAttempt.Outcome.DELIVERED;
            d.state = WebhookDelivery.State.DELIVERED;
            d.nextAttemptAt = null;
        } else if (retry.isPresent()) {
            a.outcome = WebhookAttempt.Outcome.RETRY;
            d.nextAttemptAt = clock.instant().plus(retry.get());
        } else {
            a.outcome = WebhookAttempt.Outcome.FAILED;
            d.state = WebhookDelivery.State.FAILED;
            d.nextAttemptAt = null;
        }
        a.persist();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
