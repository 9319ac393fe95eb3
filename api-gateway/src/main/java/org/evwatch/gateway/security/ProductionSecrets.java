package org.evwatch.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.evwatch.gateway.settings.GatewaySettings;

import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the gateway from serving with the secrets of development: outside dev and test it refuses to start while the
 * API-key pepper or the mail-link secret is the public development value, or the bootstrap admin key or the mail-link
 * secret is unset or short, naming the settings to give.
 */
@Singleton
public class ProductionSecrets {

    public static final int MIN_ADMIN_KEY_LENGTH = 24;

    private final GatewaySettings.Security security;
    private final GatewaySettings.Mail mail;

    public ProductionSecrets(GatewaySettings settings) {
        this.security = settings.security();
        this.mail = settings.mail();
    }

    /** Before anything else starts (the webhook dispatcher among them). */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        List<String> problems = new ArrayList<>(problems(security.pepper(), security.adminKey()));
        problems.addAll(mailProblems(mail.secret()));
        if (security.requireProductionSecrets() && !problems.isEmpty()) {
            throw new IllegalStateException("The gateway will not start with development secrets: "
                    + String.join(" ", problems));
        }
    }

    /** What is wrong with these secrets for production, one sentence each; empty when nothing is. */
    public static List<String> problems(String pepper, Optional<String> adminKeySetting) {
        List<String> problems = new ArrayList<>();
        if (pepper.trim().equals(GatewaySettings.Security.DEVELOPMENT_PEPPER)) {
            problems.add("Set EVWATCH_GATEWAY_SECURITY_PEPPER (evwatch.gateway.security.pepper) to a secret of its"
                    + " own; the development pepper is public.");
        }
        String adminKey = adminKeySetting.map(String::trim).orElse("");
        if (adminKey.length() < MIN_ADMIN_KEY_LENGTH) {
            problems.add("Set EVWATCH_GATEWAY_SECURITY_ADMIN_KEY (evwatch.gateway.security.admin-key) to a secret of"
                    + " at least " + MIN_ADMIN_KEY_LENGTH + " characters"
                    + (adminKey.isEmpty() ? "; it is unset." : "; it has " + adminKey.length() + "."));
        }
        return problems;
    }

    /** What is wrong with this mail secret for production, one sentence each; empty when nothing is. */
    public static List<String> mailProblems(String secret) {
        String s = secret.trim();
        if (s.equals(GatewaySettings.Mail.DEVELOPMENT_SECRET)) {
            return List.of("Set EVWATCH_GATEWAY_MAIL_SECRET (evwatch.gateway.mail.secret) to a secret of its own; "
                    + "the development secret is public and would let anyone forge unsubscribe and confirmation "
                    + "links.");
        }
        if (s.length() < MIN_ADMIN_KEY_LENGTH) {
            return List.of("Set EVWATCH_GATEWAY_MAIL_SECRET (evwatch.gateway.mail.secret) to a secret of at least "
                    + MIN_ADMIN_KEY_LENGTH + " characters; it has " + s.length() + ".");
        }
        return List.of();
    }
}
