package org.evwatch.gateway.model;

import java.util.List;
import java.util.Map;

/** A page of search results with facet counts and the cursor of the next page (null on the last page). */
public record SearchResponse(long total, List<SearchHit> hits, Map<String, List<FacetValue>> facets,
        String nextCursor) {

    public SearchResponse {
        hits = hits == null ? List.of() : List.copyOf(hits);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    /** One value of a facet with the number of matching papers that have it. */
    public record FacetValue(String value, String label, long count) {
    }
}
