package org.evwatch.indexer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuilds the search index from the catalog; searches keep being served from the old index meanwhile. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "admin")
public interface ReindexApi {

    /** Answers 202 with a {@link ReindexStatus}; a plain return type could not carry that status. */
    @POST
    @Path("/admin/reindex")
    @Operation(summary = "Start rebuilding the search index from the catalog (no downtime)")
    @APIResponse(responseCode = "202", description = "Rebuild running", content = @Content(schema = @Schema(implementation = ReindexStatus.class)))
    Response startReindex();

    @GET
    @Path("/admin/reindex")
    @Operation(summary = "State of the last or running rebuild: idle, running, done or failed")
    ReindexStatus reindexStatus();
}
