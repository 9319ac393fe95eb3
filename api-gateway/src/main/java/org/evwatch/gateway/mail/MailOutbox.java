package org.evwatch.gateway.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.events.PaperIndexed;

/**
 * The mail to send, stored in the transaction that decides it (the outbox of {@link MailSender}): a delivery per
 * matched paper and address, unique, so no paper is mailed twice to one address, whatever subscriptions match it and
 * however often it is announced or changes; and a delivery per confirmation to ask. Deliveries are claimed for sending
 * with {@code FOR UPDATE SKIP LOCKED}, so several gateway instances never send the same one at once.
 */
@ApplicationScoped
public class MailOutbox {

    /** Fired in a transaction that stored mail, so the sender looks for it once the transaction commits. */
    public record Queued() {
    }

    /**
     * A claimed delivery with what is needed to send it: the subscription it goes out for ({@code null} when no
     * subscription it was stored for mails this address any longer) and that subscription's name, frequency and the
     * base of its links; for a paper, its id and the trace its attempts continue ({@code traceparent}, null when the
     * paper was not traced).
     */
    public record Claimed(UUID id, EmailDelivery.Kind kind, String address, String content, int attempts,
            UUID subscriptionId, String subscriptionName, EmailFrequency frequency, String baseUrl, String paperId,
            String traceparent) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final DigestSchedule schedule;
    private final Event<Queued> queued;
    private final Clock clock = Clock.systemUTC();

    public MailOutbox(EntityManager em, ObjectMapper json, DigestSchedule schedule, Event<Queued> queued) {
        this.em = em;
        this.json = json;
        this.schedule = schedule;
        this.queued = queued;
    }

    /** The form every address is stored and compared in. */
    public static String normalize(String address) {
        return address.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Stores the paper for every confirmed address among the {@code matched} subscriptions, joining the caller's
     * transaction; due at once or at the next digest time of the subscription's frequency (the earlier one when two
     * subscriptions of an address match). A paper already stored for an address is not stored again. Its attempts
     * continue the trace of {@code traceparent} (null when the paper is not traced).
     */
    public void queuePapers(PaperIndexed indexed, Collection<UUID> matched, String traceparent) {
        if (matched.isEmpty()) {
            return;
        }
        // Plain JDBC on the transaction's connection: this runs for every matched paper.
        boolean stored = em.unwrap(Session.class).doReturningWork(c -> {
            List<Object[]> mailed = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    select id, email_address, email_frequency from gateway.subscription
                    where id = any (?) and email_state = 'CONFIRMED' and paused_at is null""")) {
                select.setArray(1, c.createArrayOf("uuid", matched.toArray()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        mailed.add(new Object[]{rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)});
                    }
                }
            }
            if (mailed.isEmpty()) {
                return false;
            }
            String content = write(PaperMail.of(indexed));
            Instant now = clock.instant();
            for (Object[] row : mailed) {
                Instant due = schedule.dueAt(EmailFrequency.valueOf((String) row[2]), now);
                Optional<UUID> delivery = insertPaper(c, normalize((String) row[1]), indexed, content, traceparent,
                        due, now);
                if (delivery.isPresent()) {
                    link(c, delivery.get(), (UUID) row[0]);
                }
            }
            return true;
        });
        if (stored) {
            queued.fire(new Queued());
        }
    }

    private static Optional<UUID> insertPaper(Connection c, String address, PaperIndexed indexed, String content,
            String traceparent, Instant due, Instant now) throws SQLException {
        // A delivery still waiting for its digest time (never claimed nor tried) moves to the earlier due time.
        try (PreparedStatement insert = c.prepareStatement("""
                insert into gateway.email_delivery as d (id, kind, address, paper_id, paper_version, content, state,
                    attempts, due_at, next_attempt_at, created_at, updated_at, traceparent)
                values (?, 'PAPER', ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?)
                on conflict (address, paper_id) where kind = 'PAPER' do update set
                    due_at = case when d.attempts = 0 and d.next_attempt_at = d.due_at
                                  then least(d.due_at, excluded.due_at) else d.due_at end,
                    next_attempt_at = case when d.attempts = 0 and d.next_attempt_at = d.due_at
                                  then least(d.next_attempt_at, excluded.next_attempt_at) else d.next_attempt_at end
                where d.state = 'PENDING'
                returning id""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, address);
            insert.setString(3, indexed.paperId());
            insert.setLong(4, indexed.version());
            insert.setString(5, content);
            insert.setObject(6, utc(due));
            insert.setObject(7, utc(due));
            insert.setObject(8, utc(now));
            insert.setObject(9, utc(now));
            insert.setString(10, traceparent);
            try (ResultSet rs = insert.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    private static void link(Connection c, UUID delivery, UUID subscription) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into gateway.email_delivery_subscription (delivery_id, subscription_id) values (?, ?)
                on conflict do nothing""")) {
            insert.setObject(1, delivery);
            insert.setObject(2, subscription);
            insert.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * Moves the papers of this subscription still waiting for their first attempt to the next mail of the frequencies
     * now asked for: of the confirmed subscriptions of the same address that matched a paper, the earliest. Joins the
     * caller's transaction, which has stored the new frequency.
     */
    public void reschedule(UUID subscriptionId) {
        em.flush();
        Instant now = clock.instant();
        int moved = em.createNativeQuery("""
                update {h-schema}email_delivery d set due_at = x.due, next_attempt_at = x.due, updated_at = ?1
                from (select dd.id, min(case s.email_frequency when 'IMMEDIATE' then cast(?1 as timestamptz)
                                            when 'DAILY' then cast(?2 as timestamptz)
                                            else cast(?3 as timestamptz) end) as due
                      from {h-schema}email_delivery_subscription mine
                      join {h-schema}email_delivery dd on dd.id = mine.delivery_id
                      join {h-schema}email_delivery_subscription l on l.delivery_id = dd.id
                      join {h-schema}subscription s on s.id = l.subscription_id
                          and lower(s.email_address) = dd.address and s.email_state = 'CONFIRMED'
                      where mine.subscription_id = ?4 and dd.kind = 'PAPER' and dd.state = 'PENDING'
                        and dd.attempts = 0 and dd.next_attempt_at = dd.due_at
                      group by dd.id) x
                where d.id = x.id""")
                .setParameter(1, now).setParameter(2, schedule.dueAt(EmailFrequency.DAILY, now))
                .setParameter(3, schedule.dueAt(EmailFrequency.WEEKLY, now)).setParameter(4, subscriptionId)
                .executeUpdate();
        if (moved > 0) {
            queued.fire(new Queued());
        }
    }

    /** Stores the mail asking {@code address} to confirm that the subscription may mail it; joins the caller's. */
    public void queueConfirmation(UUID subscriptionId, String address) {
        em.flush();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                insert into {h-schema}email_delivery (id, kind, address, content, state, attempts, due_at,
                    next_attempt_at, created_at, updated_at)
                values (?1, 'CONFIRMATION', ?2, '{}', 'PENDING', 0, ?3, ?3, ?3, ?3)""")
                .setParameter(1, id).setParameter(2, normalize(address)).setParameter(3, now).executeUpdate();
        link(id, subscriptionId);
        queued.fire(new Queued());
    }

    private void link(UUID delivery, UUID subscription) {
        em.unwrap(Session.class).doWork(c -> link(c, delivery, subscription));
    }

    /**
     * Claims up to {@code batch} due deliveries by moving their next attempt to {@code claimedUntil}; other senders
     * skip rows this one has locked. Oldest due first, so the papers of one digest are claimed together.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> claimDue(Instant now, Instant claimedUntil, int batch) {
        return em.createNativeQuery("""
                update {h-schema}email_delivery set next_attempt_at = ?1
                where id in (select id from {h-schema}email_delivery
                             where state = 'PENDING' and next_attempt_at <= ?2
                             order by next_attempt_at, address limit ?3 for update skip locked)
                returning id""", UUID.class)
                .setParameter(1, claimedUntil).setParameter(2, now).setParameter(3, batch).getResultList();
    }

    /**
     * The claimed deliveries still pending, each with the subscription it goes out for: of the subscriptions it was
     * stored for, the oldest that mails its address (confirmed and not paused for a paper; awaiting confirmation for a
     * confirmation).
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Claimed> claimed(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.kind, d.address, d.content, d.attempts, s.id, s.name, s.email_frequency,
                       s.email_base_url, d.paper_id, d.traceparent
                from {h-schema}email_delivery d
                left join lateral (
                    select s.* from {h-schema}email_delivery_subscription l
                    join {h-schema}subscription s on s.id = l.subscription_id
                    where l.delivery_id = d.id and lower(s.email_address) = d.address
                      and s.email_state = case when d.kind = 'PAPER' then 'CONFIRMED' else 'PENDING' end
                      and (d.kind = 'CONFIRMATION' or s.paused_at is null)
                    order by s.created_at, s.id limit 1) s on true
                where d.id in (?1) and d.state = 'PENDING'
                order by d.due_at, d.created_at""").setParameter(1, ids).getResultList();
        return rows.stream().map(r -> new Claimed((UUID) r[0], EmailDelivery.Kind.valueOf((String) r[1]),
                (String) r[2], (String) r[3], ((Number) r[4]).intValue(), (UUID) r[5], (String) r[6],
                r[7] == null ? null : EmailFrequency.valueOf((String) r[7]), (String) r[8], (String) r[9],
                (String) r[10])).toList();
    }

    /** Settles deliveries no subscription mails any longer: they are not sent. */
    @Transactional
    public void cancel(List<UUID> ids) {
        if (!ids.isEmpty()) {
            em.createNativeQuery("""
                    update {h-schema}email_delivery set state = 'CANCELLED', next_attempt_at = null, updated_at = ?1
                    where id in (?2) and state = 'PENDING'""").setParameter(1, clock.instant()).setParameter(2, ids)
                    .executeUpdate();
        }
    }

    /**
     * Records one attempt at the mail that carried {@code ids}: sent when {@code error} is null; otherwise retried
     * after {@code retryBefore} of the delivery's next attempt number, or failed when that is empty. Returns each
     * recorded delivery's outcome.
     */
    @Transactional
    public Map<UUID, EmailAttempt.Outcome> record(List<UUID> ids, Instant started, Duration took, String error,
            IntFunction<Optional<Duration>> retryBefore) {
        Instant now = clock.instant();
        Map<UUID, EmailAttempt.Outcome> outcomes = new HashMap<>();
        for (UUID id : ids) {
            EmailDelivery d = EmailDelivery.findById(id);
            if (d == null) {
                continue;
            }
            EmailAttempt a = new EmailAttempt();
            a.deliveryId = id;
            a.attempt = ++d.attempts;
            a.startedAt = started;
            a.durationMs = took.toMillis();
            a.error = error;
            d.updatedAt = now;
            Optional<Duration> retry = error == null ? Optional.empty() : retryBefore.apply(d.attempts + 1);
            a.outcome = error == null
                    ? EmailAttempt.Outcome.SENT
                    : retry.isPresent() ? EmailAttempt.Outcome.RETRY : EmailAttempt.Outcome.FAILED;
            d.state = switch (a.outcome) {
                case SENT -> EmailDelivery.State.SENT;
                case RETRY -> EmailDelivery.State.PENDING;
                case FAILED -> EmailDelivery.State.FAILED;
            };
            d.sentAt = error == null ? now : null;
            d.nextAttemptAt = retry.map(now::plus).orElse(null);
            a.persist();
            outcomes.put(id, a.outcome);
        }
        return outcomes;
    }

    private String write(PaperMail mail) {
        try {
            return json.writeValueAsString(mail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a paper's mail fields are plain values", e);
        }
    }
}
