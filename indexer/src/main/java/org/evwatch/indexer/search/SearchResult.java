package org.evwatch.indexer.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results.
 *
 * @param total exact number of matching papers
 * @param hits this page
 * @param facets per requested facet, the values with their exact counts over all matching papers
 * @param nextCursor the opaque cursor of the next page, null on the last page
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, String nextCursor) {

    /** One hit: its score, what it shows, and the highlighted fragments of the fields that matched. */
    public record Hit(String id, float score, HitSummary summary, Map<String, String> highlights) {
    }

    /** One facet value: the value to filter by, what to show, and how many matching papers have it. */
    public record FacetValue(String value, String label, long count) {
    }
}
