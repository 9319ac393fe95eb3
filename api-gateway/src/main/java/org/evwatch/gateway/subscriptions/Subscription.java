package org.evwatch.gateway.subscriptions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named saved query with its filters, feed token and optional webhook. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    public UUID id;
    public String owner;
    public String name;
    public String query;
    /** The filters as JSON ({@link org.evwatch.gateway.matching.SearchFilters}). */
    public String filters;
    @Column(name = "feed_token")
    public String feedToken;
    @Column(name = "webhook_url")
    public String webhookUrl;
    @Column(name = "webhook_secret")
    public String webhookSecret;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Subscription> byFeedToken(String token) {
        return find("feedToken", token).firstResultOptional();
    }
}
