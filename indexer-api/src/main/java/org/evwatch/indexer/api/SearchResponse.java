package org.evwatch.indexer.api;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of search results with exact facet counts and the cursor of the next page. */
@Schema(name = "SearchResponse")
public record SearchResponse(
        @Schema(description = "Exact number of matching papers") long total,
        List<SearchHit> hits,
        @Schema(description = "Per facet, values with exact counts over all matching papers") Map<String, List<FacetValue>> facets,
        @Schema(description = "Opaque cursor of the next page; null on the last page", nullable = true) String nextCursor,
        @Schema(description = "The matches over time with timeline=true; else null", nullable = true) SearchTimeline timeline,
        @Schema(description = "Words and phrases of q that name an entity, with the entity each was taken to mean: "
                + "papers annotated with it match too, ranked below those that hold the words") List<Expansion> expansions) {

    public SearchResponse {
        hits = hits == null ? List.of() : List.copyOf(hits);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
        expansions = expansions == null ? List.of() : List.copyOf(expansions);
    }

    /** A word or phrase of the query that names an entity, and that entity. */
    @Schema(name = "QueryExpansion")
    public record Expansion(
            @Schema(description = "The word or phrase as the query wrote it", example = "TSPAN30") String term,
            @Schema(example = "EV:marker/CD63") String entityId,
            @Schema(description = "The entity's type", example = "EV_MARKER", nullable = true) String type,
            @Schema(description = "The entity's preferred name", example = "CD63") String name) {
    }

    /** One value of a facet with the number of matching papers that have it. */
    @Schema(name = "FacetValue")
    public record FacetValue(String value, String label, long count) {
    }
}
