package org.evwatch.indexer.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.evwatch.indexer.rest.model.Problem;
import org.evwatch.query.QuerySyntaxException;

/** application/problem+json for the failures a caller can cause; never a stack trace. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Response of(int status, String type, String title, String detail, UriInfo uri, Integer position,
            String parameter) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("urn:evwatch:problem:" + type, title, status, detail,
                        uri == null ? null : uri.getRequestUri().getRawPath(), position, parameter))
                .build();
    }

    /** A request parameter that cannot be used, named. */
    public static final class BadParameterException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String parameter;

        public BadParameterException(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    @Provider
    public static final class QuerySyntaxMapper implements ExceptionMapper<QuerySyntaxException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(QuerySyntaxException e) {
            return of(400, "query-syntax", "Query syntax error", e.getMessage(), uri, e.position(), "q");
        }
    }

    @Provider
    public static final class BadParameterMapper implements ExceptionMapper<BadParameterException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(BadParameterException e) {
            return of(400, "bad-parameter", "Bad request parameter", e.getMessage(), uri, null, e.parameter);
        }
    }

    @Provider
    public static final class NotFoundMapper implements ExceptionMapper<NotFoundException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(NotFoundException e) {
            return of(404, "not-found", "Not found", e.getMessage(), uri, null, null);
        }
    }
}
