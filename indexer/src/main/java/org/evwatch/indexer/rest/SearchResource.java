package org.evwatch.indexer.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.evwatch.events.EntityType;
import org.evwatch.events.Summary;
import org.evwatch.indexer.rest.model.Problem;
import org.evwatch.indexer.rest.model.SearchResponse;
import org.evwatch.indexer.search.InvalidCursorException;
import org.evwatch.indexer.search.SearchIndex;
import org.evwatch.indexer.search.SearchRequest;
import org.evwatch.indexer.search.SearchResult;
import org.evwatch.query.PaperFields;
import org.evwatch.query.QuerySyntaxException;

/** Full-text search with filters, exact facets, highlighting and cursor paging, from the Lucene index. */
@Path("/internal/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
public class SearchResource {

    private final SearchIndex index;

    public SearchResource(SearchIndex index) {
        this.index = index;
    }

    @GET
    @Operation(summary = "Search papers", description = "Values repeat within a parameter as OR; parameters combine as AND. Query syntax: words "
            + "(AND by default), \"phrases\", AND/OR/NOT, -word, parentheses, title: abstract: author: "
            + "journal: keyword: entity: type: doi: pmid: year:2024 year:[2020 TO 2024] source: pubtype: "
            + "relevance:")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SearchResponse.class)))
    @APIResponse(responseCode = "400", description = "Bad query (with its 0-based position) or parameter", content = @Content(mediaType = Problems.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResponse search(
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
            @Parameter(description = "1..100") @QueryParam("size") @DefaultValue("20") int size,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Comma list of entity, entityType, year, journal, pubType, source, relevance; "
                    + "default all") @QueryParam("facets") String facets,
            @QueryParam("highlight") @DefaultValue("true") boolean highlight)
            throws QuerySyntaxException, IOException {
        if (size < 1 || size > SearchRequest.MAX_SIZE) {
            throw new Problems.BadParameterException("size", "size must be between 1 and " + SearchRequest.MAX_SIZE);
        }
        SearchRequest.SortOrder order = switch (sort) {
            case "relevance" -> SearchRequest.SortOrder.RELEVANCE;
            case "date" -> SearchRequest.SortOrder.DATE;
            default -> throw new Problems.BadParameterException("sort", "sort must be relevance or date");
        };
        for (String t : entityType) {
            try {
                EntityType.valueOf(t.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new Problems.BadParameterException("entityType", "unknown entity type '" + t + "'");
            }
        }
        for (String r : relevance) {
            try {
                Summary.Relevance.Label.valueOf(r.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new Problems.BadParameterException("relevance", "unknown relevance label '" + r + "'");
            }
        }
        SearchRequest request = new SearchRequest(q, entity, entityType, date("from", from), date("to", to),
                journal, pubType, source, relevance, order, size, cursor, facetNames(facets), highlight);
        SearchResult result;
        try {
            result = index.search(request);
        } catch (InvalidCursorException e) {
            throw new Problems.BadParameterException("cursor", e.getMessage());
        }
        Map<String, List<SearchResponse.FacetValue>> facetViews = new LinkedHashMap<>();
        result.facets().forEach((name, values) -> facetViews.put(name, values.stream()
                .map(v -> new SearchResponse.FacetValue(v.value(), v.label(), v.count())).toList()));
        List<SearchResponse.SearchHit> hits = result.hits().stream().map(h -> {
            var s = h.summary();
            return new SearchResponse.SearchHit(h.id(), Float.isNaN(h.score()) ? null : h.score(), s.title(),
                    s.ids(), s.authors(), s.journal(), s.published(), s.year(), s.publicationTypes(), s.tldr(),
                    s.relevance(), s.entities().stream()
                            .map(e -> new SearchResponse.HitEntity(e.type(), e.id(), e.name(), e.mentions())).toList(),
                    h.highlights());
        }).toList();
        return new SearchResponse(result.total(), hits, facetViews, result.nextCursor());
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new Problems.BadParameterException(name, name + " must be an ISO date such as 2024-05-31");
        }
    }

    private static Set<String> facetNames(String facets) {
        if (facets == null) {
            return Set.copyOf(PaperFields.FACET_NAMES);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String f : Arrays.stream(facets.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (!PaperFields.FACETS.containsKey(f)) {
                throw new Problems.BadParameterException("facets", "unknown facet '" + f + "'; known: "
                        + String.join(", ", PaperFields.FACET_NAMES));
            }
            names.add(f);
        }
        return names;
    }
}
