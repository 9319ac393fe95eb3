package org.evwatch.gateway.subscriptions;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An example paper of a subscription, or a paper it avoids, with the catalog's profile of it (JSON). */
@Entity
@Table(name = "subscription_example")
@IdClass(SubscriptionExample.Key.class)
public class SubscriptionExample extends PanacheEntityBase {

    @Id
    @Column(name = "subscription_id")
    public UUID subscriptionId;
    @Id
    @Column(name = "paper_id")
    public String paperId;
    public double weight;
    public boolean avoid;
    public String profile;
    @Column(name = "added_at")
    public Instant addedAt;

    /** The examples and papers to avoid of a subscription, the oldest first. */
    public static List<SubscriptionExample> of(UUID subscriptionId) {
        return list("subscriptionId", Sort.by("addedAt").and("paperId"), subscriptionId);
    }

    /** The composite key. */
    public static class Key implements Serializable {
        public UUID subscriptionId;
        public String paperId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(subscriptionId, k.subscriptionId)
                    && Objects.equals(paperId, k.paperId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subscriptionId, paperId);
        }
    }
}
