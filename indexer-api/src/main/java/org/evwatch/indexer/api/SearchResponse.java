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
        @Schema(description = "The matches over time with timeline=true; else null", nullable = true) SearchTimeline timeline) {

    public SearchResponse {
        hits = hits == null ? List.of() : List.copyOf(hits);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    /** One value of a facet with the number of matching papers that have it. */
    @Schema(name = "FacetValue")
    public record FacetValue(String value, String label, long count) {
    }
}
