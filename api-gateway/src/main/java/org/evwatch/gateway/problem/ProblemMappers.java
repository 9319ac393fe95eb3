package org.evwatch.gateway.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Turns every failure into {@code application/problem+json}. Unexpected exceptions are logged with their stack trace
 * and answered with a generic 500 that reveals nothing of it.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder b = respond(e.problem().withInstance(path(uri)));
        e.headers().forEach(b::header);
        return b.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "None of the accepted media types can be produced here.";
            case 415 -> "This media type is not accepted here.";
            case 400 -> "The request is malformed.";
            default -> status >= 500 ? "The server could not complete the request." : title;
        };
        Response.ResponseBuilder b = respond(Problem.of(status, slug(title), title, detail).withInstance(path(uri)));
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            b.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(Problem.of(400, "bad-json", "Malformed JSON", "The body is not valid JSON" + where + ".")
                .withInstance(path(uri))).build();
    }

    /** The catalog cannot be reached: the REST client fails before any answer. */
    @ServerExceptionMapper
    public Response unreachable(jakarta.ws.rs.ProcessingException e, UriInfo uri) {
        LOG.warn("catalog unreachable: " + e.getMessage());
        return respond(Problem.of(503, "catalog-unavailable", "Catalog unavailable",
                "The paper catalog cannot be reached; try again shortly.").withInstance(path(uri)))
                .header("Retry-After", 5).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return respond(Problem.of(500, "internal", "Internal error", "The server could not complete the request.")
                .withInstance(path(uri))).build();
    }

    static Response.ResponseBuilder respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
