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
 * API-key pepper is the public development value or the bootstrap admin key is unset or short, naming the settings to
 * give.
 */
@Singleton
public class ProductionSecrets {

    public static final int MIN_ADMIN_KEY_LENGTH = 24;

    private final GatewaySettings.Security security;

    public ProductionSecrets(GatewaySettings settings) {
        this.security = settings.security();
    }

    /** Before anything else starts (the webhook dispatcher among them). */
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        List<String> problems = problems(security.pepper(), security.adminKey());
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
}
