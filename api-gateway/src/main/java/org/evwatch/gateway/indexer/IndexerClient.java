package org.evwatch.gateway.indexer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.evwatch.gateway.security.ServiceTokenHeaders;
import org.evwatch.indexer.api.IndexerApi;

import org.evwatch.indexer.api.SearchResponse;
import org.jboss.resteasy.reactive.RestQuery;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The indexer's internal API (port 8083), the gateway's only source of papers, entities and stats. The operations and
 * their records are the indexer's own contract; this interface only binds them to a configured address. Calls go
 * over a pool of kept-alive connections ({@code quarkus.rest-client.indexer.*}).
 */
@RegisterRestClient(configKey = "indexer")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/internal/v1")
public interface IndexerClient extends IndexerApi {

    /** A search with the parameters of {@code /search} given by name (each value of a list parameter repeated). */
    @GET
    @Path("/search")
    @Produces(MediaType.APPLICATION_JSON)
    SearchResponse search(@RestQuery MultivaluedMap<String, String> parameters);

    /**
     * The same search's answer as the indexer wrote it, for a caller that passes it on unchanged: the JSON is neither
     * parsed nor written again.
     */
    @GET
    @Path("/search")
    @Produces(MediaType.APPLICATION_JSON)
    byte[] searchJson(@RestQuery MultivaluedMap<String, String> parameters);

    /** The indexer's problems pass through: a 400 keeps its detail and query position, a 404 stays a 404. */
    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        return IndexerProblems.from(response);
    }
}
