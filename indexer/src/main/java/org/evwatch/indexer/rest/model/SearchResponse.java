package org.evwatch.indexer.rest.model;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.events.EntityType;
import org.evwatch.events.Paper;

/** A page of search results with exact facet counts. */
@Schema(name = "SearchResponse")
public record SearchResponse(
        @Schema(description = "Exact number of matching papers") long total,
        List<SearchHit> hits,
        @Schema(description = "Per facet, values with exact counts over all matching papers") Map<String, List<FacetValue>> facets,
        @Schema(description = "Opaque cursor of the next page; null on the last page", nullable = true) String nextCursor) {

    @Schema(name = "SearchHit")
    public record SearchHit(String id, Float score, String title, Paper.Identifiers ids, List<String> authors,
            String journal, String published, Integer year, List<String> publicationTypes, String tldr,
            String relevance, List<HitEntity> entities,
            @Schema(description = "Highlighted fragments: matches wrapped in <mark>, the rest HTML-escaped") Map<String, String> highlights) {
    }

    public record HitEntity(EntityType type, String id, String name, int mentions) {
    }

    @Schema(name = "FacetValue")
    public record FacetValue(String value, String label, long count) {
    }
}
