package org.evwatch.gateway.indexer;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.evwatch.gateway.security.ServiceTokenHeaders;
import org.evwatch.indexer.api.IndexerApi;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * The indexer's internal API (port 8083), the gateway's only source of papers, entities and stats. The operations and
 * their records are the indexer's own contract; this interface only binds them to a configured address.
 */
@RegisterRestClient(configKey = "indexer")
@RegisterClientHeaders(ServiceTokenHeaders.class)
@Path("/internal/v1")
public interface IndexerClient extends IndexerApi {

    /** The indexer's problems pass through: a 400 keeps its detail and query position, a 404 stays a 404. */
    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        return IndexerProblems.from(response);
    }
}
