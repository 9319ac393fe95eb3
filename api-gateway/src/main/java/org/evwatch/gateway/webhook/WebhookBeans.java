package org.evwatch.gateway.webhook;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.evwatch.gateway.settings.GatewaySettings;

import io.vertx.core.Vertx;

/** The webhook building blocks, configured from {@code evwatch.gateway.webhooks}. Singletons: they are final. */
@ApplicationScoped
public class WebhookBeans {

    @Produces
    @Singleton
    SsrfGuard ssrfGuard(GatewaySettings settings) {
        return new SsrfGuard(settings.webhooks().allowList().orElse(List.of()), InetAddress::getAllByName);
    }

    @Produces
    @Singleton
    WebhookSender webhookSender(Vertx vertx, SsrfGuard guard, GatewaySettings settings) {
        return new WebhookSender(vertx, guard, settings.webhooks().timeout(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    RetrySchedule retrySchedule(GatewaySettings settings) {
        return RetrySchedule.of(settings.webhooks());
    }
}
