package org.evwatch.indexer.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;

import org.evwatch.events.EntityType;
import org.evwatch.indexer.api.SearchApi;
import org.evwatch.indexer.api.SearchHit;
import org.evwatch.indexer.api.SearchResponse;
import org.evwatch.indexer.api.SearchTimeline;
import org.evwatch.indexer.search.HitSummary;
import org.evwatch.indexer.search.InvalidCursorException;
import org.evwatch.indexer.search.SearchIndex;
import org.evwatch.indexer.search.SearchRequest;
import org.evwatch.indexer.search.SearchResult;
import org.evwatch.query.FilterValues;
import org.evwatch.query.PaperFields;
import org.evwatch.query.Expansion;
import org.evwatch.query.QuerySyntax;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.indexer.vocabulary.CatalogVocabulary;

import io.micrometer.core.instrument.Timer;

/**
 * Full-text search with filters, exact facets, highlighting and cursor paging, from the Lucene index. Each search is
 * timed ({@link PipelineMetric#SEARCH}).
 */
public class SearchResource implements SearchApi {

    private final SearchIndex index;
    private final CatalogVocabulary vocabulary;
    private final Timer answered;
    private final Timer failed;

    public SearchResource(SearchIndex index, CatalogVocabulary vocabulary, PipelineMetrics metrics) {
        this.index = index;
        this.vocabulary = vocabulary;
        this.answered = metrics.timer(PipelineMetric.SEARCH, "ok");
        this.failed = metrics.timer(PipelineMetric.SEARCH, "failed");
    }

    @Override
    public SearchResponse search(String q, List<String> entity, List<String> entityType, String from, String to,
            List<String> journal, List<String> pubType, List<String> source, List<String> relevance, String sort,
            Integer size, String cursor, String facets, Boolean highlight, Boolean timeline) {
        int pageSize = size == null ? SearchRequest.DEFAULT_SIZE : size;
        if (pageSize < 1 || pageSize > SearchRequest.MAX_SIZE) {
            throw new Problems.BadParameterException("size", "size must be between 1 and " + SearchRequest.MAX_SIZE);
        }
        checkFilter("entity", entity);
        checkFilter("entityType", entityType);
        checkFilter("journal", journal);
        checkFilter("pubType", pubType);
        checkFilter("source", source);
        checkFilter("relevance", relevance);
        SearchRequest request = new SearchRequest(q == null ? "" : q, entity, entityType, date("from", from),
                date("to", to), journal, pubType, source, relevance, order(sort), pageSize, cursor,
                facetNames(facets), highlight == null || highlight, timeline != null && timeline);
        return response(run(request));
    }

    private SearchResult run(SearchRequest request) {
        long start = System.nanoTime();
        Timer outcome = failed;
        try {
            SearchResult result = index.search(request, vocabulary.names());
            outcome = answered;
            return result;
        } catch (InvalidCursorException e) {
            throw new Problems.BadParameterException("cursor", e.getMessage());
        } catch (QuerySyntaxException e) {
            throw new Problems.BadQueryException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private static SearchResponse response(SearchResult result) {
        Map<String, List<SearchResponse.FacetValue>> facetViews = new LinkedHashMap<>();
        result.facets().forEach((name, values) -> facetViews.put(name, values.stream()
                .map(v -> new SearchResponse.FacetValue(v.value(), v.label(), v.count())).toList()));
        List<SearchHit> hits = result.hits().stream().map(SearchResource::hit).toList();
        return new SearchResponse(result.total(), hits, facetViews, result.nextCursor(), timeline(result.timeline()),
                views(result.expansions()));
    }

    private static List<SearchResponse.Expansion> views(List<Expansion> expansions) {
        return expansions.stream().map(e -> new SearchResponse.Expansion(e.term(), e.entityId(), e.type(), e.name()))
                .toList();
    }

    @Override
    public List<SearchResponse.Expansion> expansions(String q) {
        try {
            return views(QuerySyntax.parse(q, vocabulary.names()).expansions());
        } catch (QuerySyntaxException e) {
            throw new Problems.BadQueryException(e);
        }
    }

    private static SearchTimeline timeline(SearchResult.Timeline t) {
        if (t == null) {
            return null;
        }
        return new SearchTimeline(t.undated(), periods(t.years()), periods(t.months()), t.entities().stream()
                .map(e -> new SearchTimeline.EntityTrend(EntityType.valueOf(e.type()), e.id(), e.name(), e.count(),
                        periods(e.years())))
                .toList());
    }

    private static List<SearchTimeline.Period> periods(List<SearchResult.Period> periods) {
        return periods.stream().map(p -> new SearchTimeline.Period(p.period(), p.from().toString(),
                p.to().toString(), p.count())).toList();
    }

    private static SearchHit hit(SearchResult.Hit h) {
        return hit(h.id(), Float.isNaN(h.score()) ? null : h.score(), h.summary(), h.highlights());
    }

    /** What a result line shows of a paper. */
    static SearchHit hit(String id, Float score, HitSummary s, Map<String, String> highlights) {
        return new SearchHit(id, score, s.title(), s.ids(), s.authors(), s.journal(), s.published(), s.year(),
                s.publicationTypes(), s.tldr(), s.relevance(), entities(s.entities()), highlights);
    }

    static List<SearchHit.HitEntity> entities(List<HitSummary.EntityRef> entities) {
        return entities == null
                ? List.of()
                : entities.stream().map(e -> new SearchHit.HitEntity(e.type(), e.id(), e.name(), e.mentions()))
                        .toList();
    }

    private static SearchRequest.SortOrder order(String sort) {
        return switch (sort == null ? "relevance" : sort) {
            case "relevance" -> SearchRequest.SortOrder.RELEVANCE;
            case "date" -> SearchRequest.SortOrder.DATE;
            default -> throw new Problems.BadParameterException("sort", "sort must be relevance or date");
        };
    }

    private static void checkFilter(String parameter, List<String> values) {
        String problem = FilterValues.problem(parameter, values);
        if (problem != null) {
            throw new Problems.BadParameterException(parameter, problem);
        }
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
