package org.evwatch.gateway.mail;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One confirmation mail, or one paper for one address, with where its sending stands. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends PanacheEntityBase {

    public enum Kind {
        CONFIRMATION, PAPER
    }

    public enum State {
        PENDING, SENT, FAILED, CANCELLED
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String address;
    @Column(name = "paper_id")
    public String paperId;
    @Column(name = "paper_version")
    public Long paperVersion;
    public String content;
    @Enumerated(EnumType.STRING)
    public State state;
    public int attempts;
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
