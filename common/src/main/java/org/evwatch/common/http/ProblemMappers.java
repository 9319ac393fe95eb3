package org.evwatch.common.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * The JAX-RS failures every service shares, as problems: the status exceptions JAX-RS throws itself (404, 405, 406,
 * 415, ...), a body that is not the JSON expected, and anything unexpected (a 500 that reveals nothing, logged with its
 * stack trace). A service's own mappers for its own exceptions are more specific and take precedence.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    static Response respond(int status, String detail, UriInfo uri) {
        return builder(status, detail, uri).build();
    }

    private static Response.ResponseBuilder builder(int status, String detail, UriInfo uri) {
        return Response.status(status).type(HttpProblem.MEDIA_TYPE)
                .entity(HttpProblem.json(status, detail, uri == null ? null : uri.getRequestUri().getRawPath()));
    }

    @Provider
    public static final class Status implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
            if (status >= 500) {
                LOG.error("request failed", e);
            }
            // JAX-RS's own messages ("HTTP 404 Not Found") say no more than the status; a resource's say what.
            String message = e.getMessage();
            String detail = status >= 500 || message == null || message.startsWith("HTTP ") ? null : message;
            if (e.getCause() instanceof JsonProcessingException json) {
                // The JSON provider wraps what the parser found in a bare 400.
                detail = describe(json);
            }
            Response.ResponseBuilder b = builder(status, detail, uri);
            String allow = e.getResponse() == null ? null : e.getResponse().getHeaderString("Allow");
            if (allow != null) {
                b.header("Allow", allow);
            }
            return b.build();
        }
    }

    @Provider
    public static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(JsonProcessingException e) {
            return respond(400, describe(e), uri);
        }
    }

    /** Registered apart so that it is more specific than the JSON provider's own mapper of this type. */
    @Provider
    public static final class JsonShape implements ExceptionMapper<MismatchedInputException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(MismatchedInputException e) {
            return respond(400, describe(e), uri);
        }
    }

    @Provider
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Throwable e) {
            LOG.error("unexpected failure", e);
            return respond(500, null, uri);
        }
    }

    /** Where the body went wrong, without the parser's message, which names Java classes. */
    static String describe(JsonProcessingException e) {
        StringBuilder detail = new StringBuilder("The body is not the JSON expected");
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            detail.append(" at '").append(path(m)).append('\'');
        }
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            detail.append(" (line ").append(e.getLocation().getLineNr()).append(", column ")
                    .append(e.getLocation().getColumnNr()).append(')');
        }
        return detail.append('.').toString();
    }

    private static String path(JsonMappingException m) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
