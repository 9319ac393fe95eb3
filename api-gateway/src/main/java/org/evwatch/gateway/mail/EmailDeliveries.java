package org.evwatch.gateway.mail;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Reads the e-mail deliveries stored for a subscription, with their attempt logs. */
@ApplicationScoped
public class EmailDeliveries {

    private final EntityManager em;

    public EmailDeliveries(EntityManager em) {
        this.em = em;
    }

    /** Newest first. */
    @Transactional
    public List<EmailDeliveryView> list(UUID subscriptionId, int limit) {
        List<EmailDelivery> deliveries = em.createNativeQuery("""
                select d.* from {h-schema}email_delivery d
                join {h-schema}email_delivery_subscription l on l.delivery_id = d.id
                where l.subscription_id = ?1
                order by d.created_at desc, d.id limit ?2""", EmailDelivery.class)
                .setParameter(1, subscriptionId).setParameter(2, limit).getResultList();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<EmailAttempt>> attempts = EmailAttempt
                .<EmailAttempt>list("deliveryId in ?1", Sort.by("attempt"),
                        deliveries.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        return deliveries.stream().map(d -> new EmailDeliveryView(d.id.toString(), d.kind.name(), d.address,
                d.paperId, d.paperVersion, d.state.name(), d.attempts, d.dueAt,
                d.state == EmailDelivery.State.PENDING ? d.nextAttemptAt : null, d.sentAt, d.createdAt,
                attempts.getOrDefault(d.id, List.of()).stream()
                        .map(a -> new EmailDeliveryView.AttemptView(a.attempt, a.startedAt, a.durationMs, a.error,
                                a.outcome.name()))
                        .toList()))
                .toList();
    }
}
