package org.evwatch.indexer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Catalog totals: papers, papers per year, top entities. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "stats")
public interface StatsApi {

    @GET
    @Path("/stats")
    @Operation(summary = "Number of papers, papers per year and the 20 entities in most papers")
    StatsView stats();
}
