package org.evwatch.gateway.settings;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * The base of every absolute link the gateway writes (feeds, subscription links): {@code EVWATCH_PUBLIC_URL} when it
 * is set, and otherwise the scheme and host the current request came to, so links point where the client reached the
 * gateway (behind a proxy, set {@code EVWATCH_BEHIND_PROXY=true} so that its forwarded headers count).
 */
@ApplicationScoped
public class PublicUrl {

    private final GatewaySettings settings;
    private final CurrentVertxRequest request;

    public PublicUrl(GatewaySettings settings, CurrentVertxRequest request) {
        this.settings = settings;
        this.request = request;
    }

    /** The base, without a trailing slash. */
    public String base() {
        String configured = settings.publicUrl().orElse(null);
        if (configured != null) {
            return configured.replaceAll("/+$", "");
        }
        RoutingContext current = request.getCurrent();
        HostAndPort authority = current == null ? null : current.request().authority();
        if (authority == null) {
            return "http://localhost";
        }
        String scheme = current.request().scheme();
        boolean defaultPort = authority.port() < 0 || ("http".equals(scheme) && authority.port() == 80)
                || ("https".equals(scheme) && authority.port() == 443);
        return scheme + "://" + authority.host() + (defaultPort ? "" : ":" + authority.port());
    }
}
