package org.evwatch.gateway.mail;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.mailer.Mailer;

import org.evwatch.gateway.settings.GatewaySettings;

/** The mail building blocks, configured from {@code evwatch.gateway.mail}. Singletons: they are final. */
@ApplicationScoped
public class MailBeans {

    @Produces
    @Singleton
    MailTokens mailTokens(GatewaySettings settings) {
        return new MailTokens(settings.mail().secret());
    }

    @Produces
    @Singleton
    DigestSchedule digestSchedule(GatewaySettings settings) {
        return new DigestSchedule(settings.mail().digestTime(), settings.mail().weeklyDay());
    }

    /** The folder when one is configured, else SMTP. */
    @Produces
    @Singleton
    MailTransport mailTransport(GatewaySettings settings, Mailer mailer) {
        var mail = settings.mail();
        return mail.folder().<MailTransport>map(f -> new FolderTransport(f, mail.from(), Clock.systemUTC()))
                .orElseGet(() -> new SmtpTransport(mailer, mail.from()));
    }
}
