package org.evwatch.indexer.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

    /** Most papers a similar-papers answer lists. */
    int MAX_SIMILAR = 50;

    @GET
    @Path("/papers/{id: .+}/similar")
    @Operation(summary = "The papers most like a paper, by PubMed's related-articles model extended with shared entities; the paper's other versions left out")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SimilarResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad limit or id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such paper", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "The search engine in use (OpenSearch) does not find similar papers", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    SimilarResponse similar(@Parameter(description = "Any id of the paper") @PathParam("id") String id,
            @Parameter(description = "How many, 1..50 (default 10)") @QueryParam("limit") Integer limit);

    @GET
    @Path("/papers/{id: .+}/profile")
    @Operation(summary = "A paper's words and entities with their weights and rarity in the related-papers model, as the collection is now: what subscriptions by example papers score new papers against")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PaperProfile.class)))
    @APIResponse(responseCode = "400", description = "Bad id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such paper", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "The search engine in use (OpenSearch) does not weigh papers", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    PaperProfile profile(@Parameter(description = "Any id of the paper") @PathParam("id") String id);
}
