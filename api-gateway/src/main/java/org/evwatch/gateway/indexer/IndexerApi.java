package org.evwatch.gateway.indexer;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.evwatch.gateway.model.EntityView;
import org.evwatch.gateway.model.PaperView;
import org.evwatch.gateway.model.SearchResponse;
import org.evwatch.gateway.model.StatsView;
import org.jboss.resteasy.reactive.RestQuery;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** The indexer's internal API (port 8083), the gateway's only source of papers, entities and stats. */
@RegisterRestClient(configKey = "indexer")
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface IndexerApi {

    @GET
    @Path("/papers/{id}")
    PaperView paper(@PathParam("id") String id);

    @GET
    @Path("/search")
    SearchResponse search(@RestQuery String q, @RestQuery List<String> entity, @RestQuery List<String> entityType,
            @RestQuery String from, @RestQuery String to, @RestQuery List<String> journal,
            @RestQuery List<String> pubType, @RestQuery List<String> source, @RestQuery List<String> relevance,
            @RestQuery String sort, @RestQuery Integer size, @RestQuery String cursor, @RestQuery String facets,
            @RestQuery Boolean highlight);

    @GET
    @Path("/entities")
    List<EntityView> entities(@RestQuery String prefix, @RestQuery String type, @RestQuery Integer limit);

    @GET
    @Path("/entities/{id}")
    EntityView entity(@PathParam("id") String id);

    @GET
    @Path("/stats")
    StatsView stats();

    @POST
    @Path("/admin/reindex")
    JsonNode startReindex();

    @GET
    @Path("/admin/reindex")
    JsonNode reindexStatus();

    /** The indexer's problems pass through: a 400 keeps its detail and query position, a 404 stays a 404. */
    @ClientExceptionMapper
    static RuntimeException toProblem(Response response) {
        return IndexerProblems.from(response);
    }
}
