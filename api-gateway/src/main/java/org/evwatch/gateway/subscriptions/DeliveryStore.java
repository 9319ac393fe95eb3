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

    /**
     * A delivery waiting for its attempt, with the secret to sign it; {@code traceparent} is null when the paper was
     * not traced.
     */
    public record Pending(UUID id, String url, String payload, int attempts, String secret, String paperId,
            String traceparent, UUID subscriptionId) {
    }

    private final EntityManager em;

    public DeliveryStore(EntityManager em) {
        this.em = em;
    }

    /** Stores a delivery claimed until {@code claimedUntil}; empty when this paper version was already stored. */
    @Transactional
    public Optional<UUID> insert(UUID subscriptionId, String url, String paperId, long version, String payload,
            String traceparent, Instant now, Instant claimedUntil) {
        // The unique key makes this idempotent when papers.indexed is redelivered. Plain JDBC on the transaction's
        // connection: this runs for every matched paper, and a native query with a result class costs a query-plan
        // lookup per call.
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into gateway.webhook_delivery (id, subscription_id, paper_id, paper_version, url, payload,
                        traceparent, state, attempts, next_attempt_at, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
                    on conflict (subscription_id, paper_id, paper_version) do nothing
                    returning id""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, subscriptionId);
                insert.setString(3, paperId);
                insert.setLong(4, version);
                insert.setString(5, url);
                insert.setString(6, payload);
                insert.setString(7, traceparent);
                insert.setObject(8, utc(claimedUntil));
                insert.setObject(9, utc(now));
                insert.setObject(10, utc(now));
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
                claim.setObject(1, utc(claimedUntil));
                claim.setObject(2, utc(now));
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

    /**
     * Of {@code ids}, the deliveries that still wait for an attempt and whose subscription still has a webhook, with
     * the secret to sign them; one query.
     */
    @Transactional
    public List<Pending> pending(List<UUID> ids) {
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    select d.id, d.url, d.payload, d.attempts, s.webhook_secret, d.paper_id, d.traceparent,
                           d.subscription_id
                    from gateway.webhook_delivery d join gateway.subscription s on s.id = d.subscription_id
                    where d.id = any (?) and d.state = 'PENDING' and s.webhook_secret is not null
                      and s.paused_at is null""")) {
                select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                List<Pending> pending = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, UUID.class)));
                    }
                }
                return pending;
            }
        });
    }

    /** Holds the subscription's deliveries still waiting for an attempt: none is claimed until released. */
    @Transactional
    public void hold(UUID subscriptionId) {
        em.createNativeQuery("""
                update {h-schema}webhook_delivery set next_attempt_at = null
                where subscription_id = ?1 and state = 'PENDING'""").setParameter(1, subscriptionId).executeUpdate();
    }

    /** Makes the held deliveries of the subscription due at {@code now}. */
    @Transactional
    public void release(UUID subscriptionId, Instant now) {
        em.createNativeQuery("""
                update {h-schema}webhook_delivery set next_attempt_at = ?2
                where subscription_id = ?1 and state = 'PENDING' and next_attempt_at is null""")
                .setParameter(1, subscriptionId).setParameter(2, now).executeUpdate();
    }

    /** One attempt at a delivery, and when to try again if it may succeed later. */
    public record Attempted(UUID id, int attemptNo, Instant started, WebhookSender.Outcome outcome,
            Optional<Duration> retry) {

        /** How the attempt leaves its delivery: delivered, to be retried, or failed for good. */
        public WebhookAttempt.Outcome settled() {
            return outcome.success()
                    ? WebhookAttempt.Outcome.DELIVERED
                    : retry.isPresent() ? WebhookAttempt.Outcome.RETRY : WebhookAttempt.Outcome.FAILED;
        }
    }

    /** Records attempts and moves their deliveries on: delivered, retried after their delay, or failed. */
    @Transactional
    public void record(List<Attempted> attempts, Instant now) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into gateway.webhook_attempt (delivery_id, attempt, started_at, duration_ms, status_code,
                        error, outcome) values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (delivery_id, attempt) do nothing""");
                    PreparedStatement update = c.prepareStatement("""
                            update gateway.webhook_delivery set attempts = ?, updated_at = ?, state = ?,
                                next_attempt_at = ? where id = ?""")) {
                for (Attempted a : attempts) {
                    WebhookAttempt.Outcome outcome = a.settled();
                    addAttempt(insert, a, outcome);
                    update.setInt(1, a.attemptNo());
                    update.setObject(2, utc(now));
                    update.setString(3, outcome == WebhookAttempt.Outcome.RETRY ? "PENDING" : outcome.name());
                    update.setObject(4, a.retry().map(now::plus).map(DeliveryStore::utc).orElse(null),
                            java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    update.setObject(5, a.id());
                    update.addBatch();
                }
                insert.executeBatch();
                update.executeBatch();
            }
        });
    }

    private static void addAttempt(PreparedStatement insert, Attempted a, WebhookAttempt.Outcome outcome)
            throws java.sql.SQLException {
        insert.setObject(1, a.id());
        insert.setInt(2, a.attemptNo());
        insert.setObject(3, utc(a.started()));
        insert.setLong(4, a.outcome().duration().toMillis());
        insert.setObject(5, a.outcome().status() == 0 ? null : a.outcome().status(), java.sql.Types.INTEGER);
        insert.setString(6, a.outcome().error());
        insert.setString(7, outcome.name());
        insert.addBatch();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
