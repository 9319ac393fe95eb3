package org.evwatch.gateway.subscriptions;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.evwatch.gateway.mail.EmailFrequency;
import org.evwatch.gateway.mail.EmailState;

/** A named saved query with its filters, feed token, optional webhook and e-mail, and whether it is paused. */
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
    @Column(name = "email_address")
    public String emailAddress;
    @Column(name = "email_frequency")
    @Enumerated(EnumType.STRING)
    public EmailFrequency emailFrequency;
    @Column(name = "email_state")
    @Enumerated(EnumType.STRING)
    public EmailState emailState;
    /** The gateway's address when the e-mail was set: the base of mailed links without a configured public URL. */
    @Column(name = "email_base_url")
    public String emailBaseUrl;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** When it was paused; null while it delivers. */
    @Column(name = "paused_at")
    public Instant pausedAt;
    /** The last announcement before its last pause: its stream never replays those after it... */
    @Column(name = "paused_after")
    public Long pausedAfter;
    /** ...up to this one, the last before it resumed (null while paused). */
    @Column(name = "resumed_after")
    public Long resumedAfter;
    /** The score a new paper reaches against the examples to be delivered; null without examples. */
    @Column(name = "example_threshold")
    public Double exampleThreshold;

    public static Optional<Subscription> byFeedToken(String token) {
        return find("feedToken", token).firstResultOptional();
    }
}
