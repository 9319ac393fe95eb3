package org.evwatch.indexer.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One search: the query text, the filters (OR within one list, AND across lists), sort, page and what to compute:
 * facets, highlights, and the timeline of the matches (see {@link SearchResult.Timeline}).
 */
public record SearchRequest(String q, List<String> entities, List<String> entityTypes, LocalDate from, LocalDate to,
        List<String> journals, List<String> pubTypes, List<String> sources, List<String> relevance, SortOrder sort,
        int size, String cursor, Set<String> facets, boolean highlight, boolean timeline) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public enum SortOrder {
        RELEVANCE, DATE
    }

    public SearchRequest {
        entities = entities == null ? List.of() : List.copyOf(entities);
        entityTypes = entityTypes == null ? List.of() : List.copyOf(entityTypes);
        journals = journals == null ? List.of() : List.copyOf(journals);
        pubTypes = pubTypes == null ? List.of() : List.copyOf(pubTypes);
        sources = sources == null ? List.of() : List.copyOf(sources);
        relevance = relevance == null ? List.of() : List.copyOf(relevance);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        facets = facets == null ? Set.of() : Set.copyOf(facets);
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    /** A query with no filters, first page, every facet, highlighted. */
    public static SearchRequest of(String q) {
        return new SearchRequest(q, null, null, null, null, null, null, null, null, SortOrder.RELEVANCE,
                DEFAULT_SIZE, null, Set.copyOf(org.evwatch.query.PaperFields.FACET_NAMES), true, false);
    }

    public SearchRequest withCursor(String next) {
        return new SearchRequest(q, entities, entityTypes, from, to, journals, pubTypes, sources, relevance, sort,
                size, next, facets, highlight, timeline);
    }

    public SearchRequest withSize(int n) {
        return new SearchRequest(q, entities, entityTypes, from, to, journals, pubTypes, sources, relevance, sort, n,
                cursor, facets, highlight, timeline);
    }

    public SearchRequest withSort(SortOrder order) {
        return new SearchRequest(q, entities, entityTypes, from, to, journals, pubTypes, sources, relevance, order,
                size, cursor, facets, highlight, timeline);
    }

    public SearchRequest withTimeline(boolean on) {
        return new SearchRequest(q, entities, entityTypes, from, to, journals, pubTypes, sources, relevance, sort,
                size, cursor, facets, highlight, on);
    }

    public SearchRequest withFacets(Set<String> names) {
        return new SearchRequest(q, entities, entityTypes, from, to, journals, pubTypes, sources, relevance, sort,
                size, cursor, names, highlight, timeline);
    }
}
