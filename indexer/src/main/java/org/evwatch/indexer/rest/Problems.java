package org.evwatch.indexer.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.evwatch.indexer.api.Problem;
import org.evwatch.indexer.search.UnsupportedSearchException;
import org.evwatch.query.QuerySyntaxException;

/** application/problem+json for the failures a caller can cause; never a stack trace. */
public final class Problems {

    private Problems() {
    }

    static Response of(int status, String type, String title, String detail, UriInfo uri, Integer position,
            String parameter) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
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

    /**
     * A query the syntax rejects. The contract's methods declare no checked exceptions, so the parser's exception
     * travels to its mapper inside this one.
     */
    public static final class BadQueryException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int position;

        public BadQueryException(QuerySyntaxException cause) {
            super(cause.getMessage(), cause);
            this.position = cause.position();
        }
    }

    @Provider
    public static final class BadQueryMapper implements ExceptionMapper<BadQueryException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(BadQueryException e) {
            return of(400, "query-syntax", "Query syntax error", e.getMessage(), uri, e.position, "q");
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
    public static final class UnsupportedSearchMapper implements ExceptionMapper<UnsupportedSearchException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(UnsupportedSearchException e) {
            return of(501, "not-implemented", "Not implemented by this search engine", e.getMessage(), uri, null,
                    null);
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
