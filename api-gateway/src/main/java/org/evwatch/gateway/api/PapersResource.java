package org.evwatch.gateway.api;

import java.util.Optional;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.evwatch.gateway.export.ExportFormat;
import org.evwatch.indexer.api.PaperView;
import org.evwatch.indexer.api.SearchResponse;
import org.evwatch.indexer.api.SimilarResponse;
import org.evwatch.gateway.problem.Problem;

/** Search and read papers. */
@Path("/api/v1/papers")
@Tag(name = "papers")
public class PapersResource {

    private final Catalog catalog;

    public PapersResource(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.RIS_TYPE, ExportFormat.BIBTEX_TYPE, ExportFormat.CSL_TYPE})
    @Operation(operationId = "searchPapers", summary = "Search papers", description = "Query syntax, filters, facets, sort and cursor paging. JSON by default; the page of "
            + "results is exported as RIS, BibTeX or CSL-JSON with format= or an Accept header.")
    @APIResponse(responseCode = "200", description = "A page of results", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SearchResponse.class)),
            @Content(mediaType = ExportFormat.RIS_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ExportFormat.BIBTEX_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ExportFormat.CSL_TYPE, schema = @Schema(type = SchemaType.ARRAY))})
    @APIResponse(responseCode = "400", description = "Bad parameter, or a query syntax error naming its position", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response search(@BeanParam SearchParams params,
            @QueryParam("sort") @DefaultValue("relevance") @Parameter(description = "relevance or date (newest first)", schema = @Schema(enumeration = {
                    "relevance", "date"})) String sort,
            @QueryParam("size") @DefaultValue("20") @Parameter(description = "Results per page, 1..100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) String size,
            @QueryParam("cursor") @Parameter(description = "nextCursor of the previous page") String cursor,
            @QueryParam("facets") @Parameter(description = "Comma list of facets to count: entity, entityType, "
                    + "year, journal, pubType, source, relevance; default all") String facets,
            @QueryParam("highlight") @DefaultValue("true") @Parameter(description = "Mark matches in title and "
                    + "abstract") boolean highlight,
            @QueryParam("timeline") @DefaultValue("false") @Parameter(description = "Add the timeline of the "
                    + "matches (JSON only): papers per year and per month over the last 24 months, and the years of "
                    + "the top EV subtypes, diseases and EV markers. Off by default: it costs a few milliseconds more "
                    + "per search") boolean timeline,
            @QueryParam("format") @Parameter(description = "json (default), ris, bibtex or csl", schema = @Schema(enumeration = {
                    "json", "ris", "bibtex", "csl"})) String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = Exports.requested(format, headers);
        if (export.isEmpty()) {
            // The indexer's answer is the gateway's: its bytes go out as they came.
            return Response.ok(catalog.searchJson(params.q, params.filters(), sort, integer("size", size), cursor,
                    facets, highlight, timeline), MediaType.APPLICATION_JSON_TYPE).build();
        }
        SearchResponse page = catalog.search(params.q, params.filters(), sort, integer("size", size), cursor,
                "relevance", Boolean.FALSE);
        return Exports.write(export.get(), catalog.papers(page.hits()), "evwatch-search");
    }

    @GET
    @Path("/{id: .+}")
    @Produces({MediaType.APPLICATION_JSON, ExportFormat.RIS_TYPE, ExportFormat.BIBTEX_TYPE, ExportFormat.CSL_TYPE})
    @Operation(operationId = "getPaper", summary = "Get a paper by any id", description = "The catalog id, doi:10.x/y, pmid:123, pmcid:PMC123, or a bare DOI, PMID or PMCID.")
    @APIResponse(responseCode = "200", description = "The paper", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PaperView.class)),
            @Content(mediaType = ExportFormat.RIS_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ExportFormat.BIBTEX_TYPE, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ExportFormat.CSL_TYPE, schema = @Schema(type = SchemaType.ARRAY))})
    @APIResponse(responseCode = "400", description = "Bad format parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such paper", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response paper(
            @PathParam("id") @Parameter(description = "Any id of the paper", example = "doi:10.1038/nature14581") String id,
            @QueryParam("format") @Parameter(description = "json (default), ris, bibtex or csl", schema = @Schema(enumeration = {
                    "json", "ris", "bibtex", "csl"})) String format,
            @Context HttpHeaders headers) {
        Optional<ExportFormat> export = Exports.requested(format, headers);
        PaperView paper = catalog.paper(id);
        if (export.isPresent()) {
            return Exports.write(export.get(), java.util.List.of(paper), "evwatch-" + safe(paper.id()));
        }
        return Response.ok(paper, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{id: .+}/similar")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "similarPapers", summary = "Papers like this one", description = "The papers most like a "
            + "paper, best first: ranked by PubMed's related-articles model (the words of title and abstract, weighed "
            + "by how often the paper uses them and how rare they are) extended with the entities the papers share. "
            + "Each names the shared words and entities. The paper's other versions (its preprint or published "
            + "version) are left out. In a search, similar:ID finds the same papers and combines with words, "
            + "filters and dates.")
    @APIResponse(responseCode = "200", description = "The similar papers", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SimilarResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad limit", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such paper", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Rate limit exceeded", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The catalog is unavailable; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SimilarResponse similar(
            @PathParam("id") @Parameter(description = "Any id of the paper", example = "doi:10.1038/nature14581") String id,
            @QueryParam("limit") @DefaultValue("10") @Parameter(description = "How many, 1..50", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "50")) String limit) {
        return catalog.similar(id, integer("limit", limit));
    }

    /** Parsed here rather than by JAX-RS, which would answer a non-number with 404 instead of 400. */
    static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw org.evwatch.gateway.problem.ProblemException.badRequest("'" + name + "' is not a number.");
        }
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]+", "_");
    }
}
