package org.evwatch.gateway.mail;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One SMTP attempt of an e-mail delivery, kept for the subscriber to inspect. */
@Entity
@Table(name = "email_attempt")
public class EmailAttempt extends PanacheEntityBase {

    public enum Outcome {
        SENT, RETRY, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "delivery_id")
    public UUID deliveryId;
    public int attempt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "duration_ms")
    public long durationMs;
    public String error;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
}
