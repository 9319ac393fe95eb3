package org.evwatch.common.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP layer below JAX-RS, in every service: the {@link RequestChecks} run before any route, a failure that no
 * mapper answered (Vert.x's own 400 for a path it cannot decode, a 413 for a body past the limit, an exception in a
 * handler) becomes a problem, and a path that nothing serves is a 404 problem.
 */
@ApplicationScoped
public class ProblemRoutes {

    private static final Logger LOG = Logger.getLogger(ProblemRoutes.class);

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ProblemRoutes::check).failureHandler(ProblemRoutes::failed);
        router.route().last().handler(ctx -> send(ctx, 404, "Nothing is served at " + ctx.request().path() + "."));
        // A failure while matching routes (a query string Vert.x cannot decode) skips every failure handler and goes
        // straight to the router's error handler of its status.
        for (int status = 400; status < 600; status++) {
            router.errorHandler(status, ProblemRoutes::failed);
        }
    }

    private static void check(RoutingContext ctx) {
        var request = ctx.request();
        RequestChecks.check(request.method().name(), request.uri(), request::getHeader)
                .ifPresentOrElse(refusal -> send(ctx, refusal.status(), refusal.detail()), ctx::next);
    }

    private static void failed(RoutingContext ctx) {
        int status = ctx.statusCode() < 400 ? 500 : ctx.statusCode();
        if (status >= 500) {
            LOG.error("request failed: " + ctx.request().method() + " " + ctx.request().path(), ctx.failure());
        }
        String detail = status == 400
                ? RequestChecks.check(ctx.request().method().name(), ctx.request().uri(), h -> null)
                        .map(RequestChecks.Refusal::detail).orElse(null)
                : null;
        send(ctx, status, detail);
    }

    private static void send(RoutingContext ctx, int status, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            // Too late for a problem body: the answer has begun; ending it is all that is left.
            if (!response.ended()) {
                response.end();
            }
            return;
        }
        String instance = RequestChecks.decode(ctx.request().path(), false) == null ? null : ctx.request().path();
        response.setStatusCode(status).putHeader("Content-Type", HttpProblem.MEDIA_TYPE)
                .end(HttpProblem.json(status, detail, instance));
    }
}
