package org.evwatch.gateway.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends through the Quarkus mailer, to the SMTP server of {@code quarkus.mailer.*}. */
final class SmtpTransport implements MailTransport {

    private final Mailer mailer;
    private final String from;

    SmtpTransport(Mailer mailer, String from) {
        this.mailer = mailer;
        this.from = from;
    }

    @Override
    public void send(Letter letter) {
        Mail mail = Mail.withText(letter.to(), letter.subject(), letter.text()).setHtml(letter.html()).setFrom(from);
        letter.headers().forEach(mail::addHeader);
        mailer.send(mail);
    }
}
