package org.evwatch.gateway.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.indexer.api.StatsView;
import org.evwatch.gateway.problem.Problem;

/** Catalog totals. */
@Path("/api/v1/stats")
@Tag(name = "stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final Catalog catalog;

    public StatsResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Operation(operationId = "getStats", summary = "Catalog statistics", description = "Papers in all, per year, and the top entities.")
    @APIResponse(responseCode = "200", description = "Statistics", content = @Content(schema = @Schema(implementation = StatsView.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatsView stats() {
        return catalog.indexer().stats();
    }
}
