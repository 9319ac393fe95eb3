package org.evwatch.gateway.mail;

/** Hands a mail on: to an SMTP server, or to a folder. A failure throws; the sender retries it later. */
public interface MailTransport {

    void send(Letter letter);
}
