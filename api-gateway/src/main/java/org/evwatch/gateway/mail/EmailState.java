package org.evwatch.gateway.mail;

/**
 * Where a subscription's address stands: {@code PENDING} until it confirms (nothing but the confirmation is mailed),
 * {@code CONFIRMED}, or {@code UNSUBSCRIBED} once it asked for no more mail.
 */
public enum EmailState {
    PENDING, CONFIRMED, UNSUBSCRIBED
}
