package org.evwatch.gateway.subscriptions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** One HTTP attempt of a webhook delivery, kept for the subscriber to inspect. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends AttemptRecord {

    public enum Outcome {
        DELIVERED, RETRY, FAILED
    }

    @Column(name = "status_code")
    public Integer statusCode;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
}
