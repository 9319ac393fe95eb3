package org.evwatch.common.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Who may call a service's internal API. By default the API listens on loopback only, and anyone on the machine may
 * call it. With a service token set ({@value #TOKEN_SETTING}, environment {@value #TOKEN_ENV}) every path but health
 * and metrics needs {@code Authorization: Bearer <token>}; a service listening beyond loopback without a token refuses
 * to start, since its API would be open to the network.
 *
 * <p>
 * It runs as a Vert.x filter, ahead of every route, so unknown paths (404) and Quarkus's own endpoints are covered
 * too. A service installs it from an observer of {@link Filters}.
 */
public final class InternalApiGuard implements Handler<RoutingContext> {

    public static final String TOKEN_SETTING = "evwatch.internal.token";
    public static final String TOKEN_ENV = "EVWATCH_INTERNAL_TOKEN";
    public static final String HOST_SETTING = "quarkus.http.host";
    /** Ahead of Quarkus's own filters, so that nothing is served before the token is checked. */
    static final int PRIORITY = 10_000;
    private static final String BEARER = "Bearer ";

    /** The token's SHA-256: comparing digests of equal length keeps the comparison's time independent of the token. */
    private final Optional<byte[]> tokenDigest;

    private InternalApiGuard(Optional<String> token) {
        this.tokenDigest = token.map(InternalApiGuard::digest);
    }

    /** Installs the guard configured by the service's host and token settings; see {@link #forHost}. */
    public static void install(Filters filters, Config config) {
        String host = config.getOptionalValue(HOST_SETTING, String.class).orElse("0.0.0.0");
        filters.register(forHost(host, config.getOptionalValue(TOKEN_SETTING, String.class)), PRIORITY);
    }

    /**
     * The guard of an API listening on {@code host}.
     *
     * @throws IllegalStateException when the host is not loopback and no token is set
     */
    public static InternalApiGuard forHost(String host, Optional<String> token) {
        Optional<String> set = token.map(String::trim).filter(t -> !t.isEmpty());
        if (set.isEmpty() && !isLoopback(host)) {
            throw new IllegalStateException("The internal API would listen on " + host
                    + ", beyond this machine, without a service token. Set " + TOKEN_SETTING + " (environment "
                    + TOKEN_ENV + ") to a secret that its callers send as 'Authorization: Bearer <token>', or listen on"
                    + " loopback only (" + HOST_SETTING + "=127.0.0.1).");
        }
        return new InternalApiGuard(set);
    }

    /** True when every address the host name stands for is a loopback address. */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Why a request for {@code path} with this {@code Authorization} header is refused; empty when it may pass.
     *
     * @param path the request's normalised path (dot segments resolved), so that {@code /q/health/../x} is not open
     */
    public Optional<String> refusal(String path, String authorization) {
        if (tokenDigest.isEmpty() || isOpen(path)) {
            return Optional.empty();
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of("This internal API needs the service token, sent as 'Authorization: Bearer <token>' ("
                    + TOKEN_SETTING + ").");
        }
        byte[] presented = digest(authorization.substring(BEARER.length()).trim());
        if (!MessageDigest.isEqual(tokenDigest.get(), presented)) {
            return Optional.of("The service token sent is not this service's " + TOKEN_SETTING + ".");
        }
        return Optional.empty();
    }

    /** Health and metrics stay open: probes and scrapers hold no token, and neither reveals or changes data. */
    static boolean isOpen(String path) {
        return path.equals("/q/health") || path.startsWith("/q/health/") || path.equals("/q/metrics");
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<String> refusal = refusal(ctx.normalizedPath(), ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (refusal.isEmpty()) {
            ctx.next();
            return;
        }
        JsonObject problem = new JsonObject().put("type", "about:blank").put("title", "Unauthorized")
                .put("status", 401).put("detail", refusal.get());
        ctx.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader("WWW-Authenticate", "Bearer")
                .end(problem.encode());
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
