package org.evwatch.gateway.subscriptions;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import org.evwatch.gateway.webhook.WebhookSender;

/**
 * The webhook delivery tables. Each method is one transaction and returns plain values, so the dispatcher's threads
 * never hold entities across transactions.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A delivery due for an attempt, with the secret to sign it. */
    public record Pending(UUID id, String url, String payload, int attempts, String secret) {
    }

    private final EntityManager em;

    public DeliveryStore(EntityManager em) {
        this.em = em;
    }

    /** Stores a delivery claimed until {@code claimedUntil}; empty when this paper version was already stored. */
    @Transactional
    public Optional<UUID> insert(UUID subscriptionId, String url, String paperId, long version, String payload,
            Instant now, Instant claimedUntil) {
        // The unique key makes this idempotent when papers.indexed is redelivered. Plain JDBC on the transaction's
        // connection: this runs for every matched paper, and a native query with a result class costs a query-plan
        // lookup per call.
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into gateway.webhook_delivery (id, subscription_id, paper_id, paper_version, url, payload,
                        state, attempts, next_attempt_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                    on conflict (subscription_id, paper_id, paper_version) do nothing
                    returning id""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, subscriptionId);
                insert.setString(3, paperId);
                insert.setLong(4, version);
                insert.setString(5, url);
                insert.setString(6, payload);
                insert.setObject(7, OffsetDateTime.ofInstant(claimedUntil, ZoneOffset.UTC));
                insert.setObject(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                insert.setObject(9, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                try (ResultSet rs = insert.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    /**
     * Claims up to {@code batch} due deliveries by moving their next attempt to {@code claimedUntil}; other pollers
     * skip rows this one has locked.
     */
    @Transactional
    public List<UUID> claimDue(Instant now, Instant claimedUntil, int batch) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement claim = c.prepareStatement("""
                    update gateway.webhook_delivery set next_attempt_at = ?
                    where id in (select id from gateway.webhook_delivery
                                 where state = 'PENDING' and next_attempt_at <= ?
                                 order by next_attempt_at limit ? for update skip locked)
                    returning id""")) {
                claim.setObject(1, OffsetDateTime.ofInstant(claimedUntil, ZoneOffset.UTC));
                claim.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                claim.setInt(3, batch);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = claim.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    /** The delivery if it still waits for an attempt and its subscription still has a webhook. */
    @Transactional
    public Optional<Pending> pending(UUID id) {
        WebhookDelivery d = WebhookDelivery.findById(id);
        if (d == null || d.state != WebhookDelivery.State.PENDING) {
            return Optional.empty();
        }
        Subscription s = Subscription.findById(d.subscriptionId);
        if (s == null || s.webhookSecret == null) {
            return Optional.empty();
        }
        return Optional.of(new Pending(d.id, d.url, d.payload, d.attempts, s.webhookSecret));
    }

    /** Records one attempt and moves the delivery on: delivered, retried after {@code retry}, or failed. */
    @Transactional
    public void record(UUID id, int attemptNo, Instant started, WebhookSender.Outcome outcome,
            Optional<Duration> retry, Instant now) {
        WebhookDelivery d = WebhookDelivery.findById(id);
        if (d == null) {
            return;
        }
        WebhookAttempt a = new WebhookAttempt();
        a.deliveryId = id;
        a.attempt = attemptNo;
        a.startedAt = started;
        a.durationMs = outcome.duration().toMillis();
        a.statusCode = outcome.status() == 0 ? null : outcome.status();
        a.error = outcome.error();
        d.attempts = attemptNo;
        d.updatedAt = now;
        if (outcome.success()) {
            a.outcome = WebhookAttempt.Outcome.DELIVERED;
            d.state = WebhookDelivery.State.DELIVERED;
            d.nextAttemptAt = null;
        } else if (retry.isPresent()) {
            a.outcome = WebhookAttempt.Outcome.RETRY;
            d.nextAttemptAt = now.plus(retry.get());
        } else {
            a.outcome = WebhookAttempt.Outcome.FAILED;
            d.state = WebhookDelivery.State.FAILED;
            d.nextAttemptAt = null;
        }
        a.persist();
    }
}
