package org.evwatch.gateway.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.evwatch.gateway.subscriptions.AttemptRecord;

/** One SMTP attempt of an e-mail delivery, kept for the subscriber to inspect. */
@Entity
@Table(name = "email_attempt")
public class EmailAttempt extends AttemptRecord {

    public enum Outcome {
        SENT, RETRY, FAILED
    }

    @Enumerated(EnumType.STRING)
    public Outcome outcome;
}
