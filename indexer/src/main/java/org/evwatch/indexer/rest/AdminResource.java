package org.evwatch.indexer.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.indexer.search.SearchIndex;

/** Rebuilds the search index from the catalog; searches keep being served from the old index meanwhile. */
@Path("/internal/v1/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public class AdminResource {

    private final SearchIndex index;

    public AdminResource(SearchIndex index) {
        this.index = index;
    }

    @POST
    @Operation(summary = "Start rebuilding the search index from the catalog (no downtime)")
    @APIResponse(responseCode = "202", description = "Rebuild running")
    public Response reindex() {
        return Response.accepted(index.startRebuild()).build();
    }

    @GET
    @Operation(summary = "State of the last or running rebuild: idle, running, done or failed")
    public SearchIndex.ReindexStatus status() {
        return index.status();
    }
}
