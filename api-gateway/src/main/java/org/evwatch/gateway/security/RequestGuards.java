package org.evwatch.gateway.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;

import org.evwatch.gateway.imports.ImportSettings;
import org.evwatch.gateway.imports.ImportsResource;
import org.evwatch.gateway.problem.Problem;
import org.evwatch.gateway.settings.GatewaySettings;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks every API request before it reaches a resource: the body size limit (413) and the rate limits (429 with
 * {@code Retry-After}). A request with a valid key counts against that key's bucket, any other against its
 * client address's bucket, so one noisy address cannot use up a key holder's allowance and vice versa.
 */
@ApplicationScoped
public class RequestGuards {

    private final ApiKeys keys;
    private final RateLimiter perKey;
    private final RateLimiter perIp;
    private final long maxBody;
    private final long maxImport;

    public RequestGuards(ApiKeys keys, GatewaySettings settings, ImportSettings imports) {
        this.keys = keys;
        var s = settings.security();
        this.perKey = new RateLimiter(s.perKey().burst(), s.perKey().perSecond(), System::nanoTime);
        this.perIp = new RateLimiter(s.perIp().burst(), s.perIp().perSecond(), System::nanoTime);
        this.maxBody = s.maxBodyBytes();
        this.maxImport = imports.maxBytes().asLongValue();
    }

    // Not pre-matching: the filter then runs on the worker thread of the (blocking) resource, where the key
    // lookup may touch the database.
    @ServerRequestFilter
    public Optional<Response> guard(ContainerRequestContext ctx, HttpServerRequest request) {
        String path = ctx.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return Optional.empty();
        }
        String length = ctx.getHeaderString("Content-Length");
        if (length != null) {
            long limit = path.startsWith(ImportsResource.PATH) ? maxImport : maxBody;
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    return Optional.of(problem(Problem.of(413, "too-large", "Request body too large",
                            "The body may have at most " + limit + " bytes.").withInstance(path), null));
                }
            } catch (NumberFormatException e) {
                return Optional.of(problem(Problem.of(400, "bad-request", "Bad request",
                        "Content-Length is not a number.").withInstance(path), null));
            }
        }
        Optional<Caller> caller = ApiKeys.presented(ctx::getHeaderString)
                .flatMap(keys::authenticate);
        RateLimiter.Decision decision = caller.isPresent()
                ? perKey.acquire("key:" + caller.get().keyId())
                : perIp.acquire("ip:" + clientAddress(request));
        if (!decision.allowed()) {
            return Optional.of(problem(Problem.of(429, "rate-limited", "Too many requests",
                    "Slow down: retry after " + decision.retryAfterSeconds() + " s.").withInstance(path)
                    .withRetryAfter(decision.retryAfterSeconds()), decision.retryAfterSeconds()));
        }
        return Optional.empty();
    }

    private static String clientAddress(HttpServerRequest request) {
        // With quarkus.http.proxy.proxy-address-forwarding set, Vert.x has already applied X-Forwarded-For.
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static Response problem(Problem p, Long retryAfter) {
        Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
        if (retryAfter != null) {
            b.header("Retry-After", retryAfter);
        }
        return b.build();
    }
}
