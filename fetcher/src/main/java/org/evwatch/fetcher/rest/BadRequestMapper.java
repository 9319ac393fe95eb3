package org.evwatch.fetcher.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.evwatch.common.http.HttpProblem;

/** A request the admin API cannot act on: 400 as problem+json, naming what is wrong. */
@Provider
public class BadRequestMapper implements ExceptionMapper<IllegalArgumentException> {

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return Response.status(400).type(HttpProblem.MEDIA_TYPE).entity(HttpProblem.json(400, e.getMessage(), null))
                .build();
    }
}
