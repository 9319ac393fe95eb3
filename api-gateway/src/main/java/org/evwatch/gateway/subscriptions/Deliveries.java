package org.evwatch.gateway.subscriptions;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

/** Reads the webhook deliveries of a subscription with their attempt logs. */
@ApplicationScoped
public class Deliveries {

    @Transactional
    public List<DeliveryView> list(UUID subscriptionId, int limit) {
        List<WebhookDelivery> deliveries = WebhookDelivery
                .<WebhookDelivery>find("subscriptionId", Sort.descending("createdAt"), subscriptionId)
                .page(0, limit).list();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<WebhookAttempt>> attempts = WebhookAttempt
                .<WebhookAttempt>list("deliveryId in ?1", Sort.by("attempt"),
                        deliveries.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        return deliveries.stream().map(d -> new DeliveryView(d.id, d.paperId, d.paperVersion, d.url, d.state.name(),
                d.attempts, d.state == WebhookDelivery.State.PENDING ? d.nextAttemptAt : null, d.createdAt,
                attempts.getOrDefault(d.id, List.of()).stream()
                        .map(a -> new DeliveryView.AttemptView(a.attempt, a.startedAt, a.durationMs, a.statusCode,
                                a.error, a.outcome.name()))
                        .toList()))
                .toList();
    }
}
