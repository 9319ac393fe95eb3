package org.evwatch.gateway.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The gateway's own problems: those its resources and filters raise, and an unreachable catalog. The failures every
 * service shares (JAX-RS statuses, bad JSON, the unexpected) are mapped by {@code org.evwatch.common.http}.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder b = respond(e.problem().withInstance(path(uri)));
        e.headers().forEach(b::header);
        return b.build();
    }

    /** The catalog cannot be reached: the REST client fails before any answer. */
    @ServerExceptionMapper
    public Response unreachable(jakarta.ws.rs.ProcessingException e, UriInfo uri) {
        LOG.warn("catalog unreachable: " + e.getMessage());
        return respond(Problem.of(503, "catalog-unavailable", "Catalog unavailable",
                "The paper catalog cannot be reached; try again shortly.").withInstance(path(uri)))
                .header("Retry-After", 5).build();
    }

    static Response.ResponseBuilder respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
