package org.evwatch.indexer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Papers by any of their ids. */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "papers")
public interface PapersApi {

    @GET
    @Path("/papers/{id: .+}")
    @Operation(summary = "A paper by catalog id, doi:/pmid:/pmcid: id, or a bare DOI (10.…), PMID (digits) or PMCID (PMC…)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaperView.class)))
    @APIResponse(responseCode = "404", description = "No such paper", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    PaperView paper(@Parameter(description = "Any id of the paper") @PathParam("id") String id);
}
