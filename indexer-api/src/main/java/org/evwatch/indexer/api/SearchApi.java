package org.evwatch.indexer.api;

import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Full-text search with filters, exact facets, highlighting and cursor paging. Parameters are boxed so that a caller
 * may leave any of them out and get the default.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public interface SearchApi {

    @GET
    @Path("/search")
    @Operation(summary = "Search papers", description = "Values repeat within a parameter as OR; parameters combine as AND. Query syntax: words "
            + "(AND by default), \"phrases\", AND/OR/NOT, -word, parentheses, title: abstract: author: "
            + "journal: keyword: entity: type: doi: pmid: year:2024 year:[2020 TO 2024] source: pubtype: "
            + "relevance:")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad query (with its 0-based position) or parameter", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "501", description = "similar: in the query, and the search engine in use (OpenSearch) does not find similar papers", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    SearchResponse search(
            @Parameter(description = "Query; empty matches every paper") @QueryParam("q") @DefaultValue("") String q,
            @Parameter(description = "Entity id, e.g. MESH:D009369") @QueryParam("entity") List<String> entity,
            @QueryParam("entityType") List<String> entityType,
            @Parameter(description = "Published on or after (ISO date)") @QueryParam("from") String from,
            @Parameter(description = "Published on or before (ISO date)") @QueryParam("to") String to,
            @QueryParam("journal") List<String> journal,
            @QueryParam("pubType") List<String> pubType,
            @QueryParam("source") List<String> source,
            @QueryParam("relevance") List<String> relevance,
            @Parameter(description = "relevance (default) or date (newest first)") @QueryParam("sort") @DefaultValue("relevance") String sort,
            @Parameter(description = "1..100") @QueryParam("size") @DefaultValue("20") Integer size,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Comma list of entity, entityType, year, journal, pubType, source, relevance; "
                    + "default all") @QueryParam("facets") String facets,
            @QueryParam("highlight") @DefaultValue("true") Boolean highlight,
            @Parameter(description = "true to add the timeline: matches per year and month, and the years of the "
                    + "top EV subtypes, diseases and EV markers") @QueryParam("timeline") @DefaultValue("false") Boolean timeline);

    @GET
    @Path("/search/expansions")
    @Operation(summary = "The entity names a query expands, as a search with it would", description = "For a "
            + "saved query matched elsewhere: parsing it with these expansions alone builds the same query.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResponse.Expansion.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Bad query (with its 0-based position)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    List<SearchResponse.Expansion> expansions(@QueryParam("q") @DefaultValue("") String q);
}
