package org.evwatch.fetcher.rest;

import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request the admin API cannot act on: 400 as problem+json, naming what is wrong. */
@Provider
public class BadRequestMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Response.status(400).type("application/problem+json")
                .entity(Map.of("type", "about:blank", "title", "Bad request", "status", 400, "detail",
                        String.valueOf(e.getMessage())))
                .build();
    }
}
