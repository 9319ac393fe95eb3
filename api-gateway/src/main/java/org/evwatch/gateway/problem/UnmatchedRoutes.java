package org.evwatch.gateway.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.evwatch.events.serde.EventJson;

import io.vertx.ext.web.Router;

/**
 * Requests that no resource, page or static file answers still get a problem body: the last route of the router,
 * reached only when every other handler has passed the request on.
 */
@ApplicationScoped
public class UnmatchedRoutes {

    void register(@Observes Router router) {
        router.route().last().handler(ctx -> {
            Problem problem = Problem.of(404, "not-found", "Not found", "nothing is served at " + ctx.request().path())
                    .withInstance(ctx.request().path());
            ctx.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(EventJson.writeString(problem));
        });
    }
}
