package org.evwatch.gateway.imports;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.evwatch.gateway.security.ServiceTokenHeaders;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** The fetcher's internal imports API (port 8081), which reads the files and runs the jobs. */
@RegisterRestClient(configKey = "fetcher")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/internal/v1/imports")
public interface FetcherClient {

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    ImportJob start(@QueryParam("type") String type, @QueryParam("fileName") String fileName,
            @QueryParam("owner") String owner, byte[] body);

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    ImportJob get(@PathParam("id") String id);

    /** The fetcher's refusals keep their status and detail; anything else is the importer failing. */
    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        return ImportProblems.from(response);
    }
}
