package org.evwatch.indexer.search;

import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.evwatch.query.PaperFields;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.aggregations.HistogramBucket;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/**
 * Facets and the timeline of a search from OpenSearch aggregations, ranked as the Lucene index ranks them (count,
 * then value): terms per facet, the entity facet counted by entity id, the months of publication as a histogram, and
 * the top entities of each charted type. The names an entity is shown with, and the charted entities' matches per
 * year, need the ids the first answer chose: a second request, of aggregations only, fetches them.
 * <p>
 * With one primary shard (the default) every count is exact; with more, each shard returns its best values, and a
 * value's count can fall short where it missed a shard's list.
 */
final class OpenSearchFacets {

    private static final String FACET = "facet_";
    private static final String MONTHS = "months";
    private static final String TOP = "top_";
    private static final String LABELS = "labels";
    private static final String TRENDS = "trends";
    private static final String YEARS = "years";
    private static final String SEPARATOR = String.valueOf(PaperFields.ENTITY_FACET_SEPARATOR);
    /** Names one entity may have among the matches, and more. */
    private static final int LABELS_LIMIT = 10_000;

    /** The facets and timeline of a search. */
    record Counted(Map<String, List<SearchResult.FacetValue>> facets, SearchResult.Timeline timeline) {
    }

    private final OpenSearchClient client;
    private final String index;
    private final Query query;

    OpenSearchFacets(OpenSearchClient client, String index, Query query) {
        this.client = client;
        this.index = index;
        this.query = query;
    }

    /** The aggregations the search itself carries: each facet asked for and, for a timeline, months and entities. */
    static Map<String, Aggregation> aggregations(SearchRequest request) {
        Map<String, Aggregation> out = new LinkedHashMap<>();
        for (String name : facetNames(request)) {
            String field = name.equals("entity")
                    ? OpenSearchLayout.ENTITY_ID
                    : OpenSearchQueries.field(PaperFields.FACETS.get(name));
            int size = name.equals("year") ? ReaderFacets.YEAR_FACET_LIMIT : ReaderFacets.FACET_LIMIT;
            out.put(FACET + name, Aggregation.of(a -> a.terms(t -> t.field(field).size(size))));
        }
        if (request.timeline()) {
            out.put(MONTHS, Aggregation.of(a -> a.histogram(h -> h.field(OpenSearchLayout.MONTH).interval(1.0)
                    .minDocCount(1))));
            for (String type : Timelines.CHARTED_TYPES) {
                out.put(TOP + type, Aggregation.of(a -> a.terms(t -> t.field(OpenSearchLayout.ENTITY_TYPED)
                        .include(i -> i.regexp(regexp(type) + SEPARATOR + ".*")).size(Timelines.ENTITIES_PER_TYPE))));
            }
        }
        return out;
    }

    private static List<String> facetNames(SearchRequest request) {
        return PaperFields.FACET_NAMES.stream().filter(request.facets()::contains).toList();
    }

    /** The facets and timeline from the search's aggregations, with the names and years they lack. */
    Counted count(SearchRequest request, Map<String, Aggregate> aggregations, long total) throws IOException {
        Map<String, List<StringTermsBucket>> facets = new LinkedHashMap<>();
        for (String name : facetNames(request)) {
            facets.put(name, aggregations.get(FACET + name).sterms().buckets().array());
        }
        Map<String, List<StringTermsBucket>> charted = new LinkedHashMap<>();
        if (request.timeline()) {
            Timelines.CHARTED_TYPES.forEach(t -> charted.put(t, aggregations.get(TOP + t).sterms().buckets().array()));
        }
        Set<String> named = new LinkedHashSet<>();
        facets.getOrDefault("entity", List.of()).forEach(b -> named.add(b.key()));
        Set<String> trended = new LinkedHashSet<>();
        charted.values().forEach(list -> list.forEach(b -> trended.add(idOf(b))));
        named.addAll(trended);
        Details details = details(named, trended);
        Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
        facets.forEach((name, buckets) -> out.put(name, buckets.stream().map(b -> new SearchResult.FacetValue(b.key(),
                name.equals("entity") ? details.label(b.key()) : b.key(), b.docCount())).toList()));
        SearchResult.Timeline timeline = request.timeline()
                ? timeline(aggregations.get(MONTHS).histogram().buckets().array(), charted, details, total)
                : null;
        return new Counted(out, timeline);
    }

    private static String idOf(StringTermsBucket typed) {
        return typed.key().substring(typed.key().indexOf(PaperFields.ENTITY_FACET_SEPARATOR) + 1);
    }

    /** Each named entity's label, and each trended entity's matches by year of publication. */
    private record Details(Map<String, String> labels, Map<String, Map<Integer, Long>> years) {

        String label(String id) {
            return labels.getOrDefault(id, id);
        }
    }

    private Details details(Set<String> named, Set<String> trended) throws IOException {
        if (named.isEmpty()) {
            return new Details(Map.of(), Map.of());
        }
        String anyId = String.join("|", named.stream().map(OpenSearchFacets::regexp).toList());
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        aggs.put(LABELS, Aggregation.of(a -> a.terms(t -> t.field(OpenSearchQueries.field(PaperFields.FACET_ENTITY))
                .include(i -> i.regexp("(" + anyId + ")" + SEPARATOR + ".*")).size(LABELS_LIMIT))));
        if (!trended.isEmpty()) {
            aggs.put(TRENDS, Aggregation.of(a -> a.terms(t -> t.field(OpenSearchLayout.ENTITY_ID)
                    .include(i -> i.terms(List.copyOf(trended))).size(trended.size()))
                    .aggregations(YEARS, y -> y.histogram(h -> h.field(OpenSearchLayout.YEAR).interval(1.0)
                            .minDocCount(1)))));
        }
        Map<String, Aggregate> result = client.search(s -> s.index(index).query(query).size(0).aggregations(aggs),
                Void.class).aggregations();
        return new Details(labels(result.get(LABELS).sterms().buckets().array()), years(result.get(TRENDS)));
    }

    /** Per entity id the name most matching papers give it (ties: the first name in order); the id without one. */
    private static Map<String, String> labels(List<StringTermsBucket> values) {
        Map<String, String> labels = new HashMap<>();
        Map<String, Long> best = new HashMap<>();
        for (StringTermsBucket b : values) {
            String[] parts = b.key().split(SEPARATOR, -1);
            String id = parts[0];
            String name = parts[parts.length - 1].isEmpty() ? id : parts[parts.length - 1];
            Long seen = best.get(id);
            if (seen == null || b.docCount() > seen || (b.docCount() == seen && name.compareTo(labels.get(id)) < 0)) {
                best.put(id, b.docCount());
                labels.put(id, name);
            }
        }
        return labels;
    }

    private static Map<String, Map<Integer, Long>> years(Aggregate trends) {
        Map<String, Map<Integer, Long>> out = new HashMap<>();
        if (trends == null) {
            return out;
        }
        for (StringTermsBucket b : trends.sterms().buckets().array()) {
            Map<Integer, Long> perYear = new HashMap<>();
            for (HistogramBucket y : b.aggregations().get(YEARS).histogram().buckets().array()) {
                perYear.put((int) y.key(), y.docCount());
            }
            out.put(b.key(), perYear);
        }
        return out;
    }

    /** The timeline as {@link Timelines} builds it from the Lucene index's month counts. */
    private static SearchResult.Timeline timeline(List<HistogramBucket> monthBuckets,
            Map<String, List<StringTermsBucket>> charted, Details details, long total) {
        int first = monthBuckets.isEmpty() ? -1 : (int) monthBuckets.get(0).key();
        long[] months = new long[monthBuckets.isEmpty()
                ? 0
                : (int) monthBuckets.get(monthBuckets.size() - 1).key()
                        - first + 1];
        long dated = 0;
        for (HistogramBucket b : monthBuckets) {
            months[(int) b.key() - first] = b.docCount();
            dated += b.docCount();
        }
        List<SearchResult.Period> years = Timelines.years(months, first);
        List<SearchResult.EntityTrend> entities = new ArrayList<>();
        if (!years.isEmpty()) {
            int firstYear = Integer.parseInt(years.get(0).period());
            charted.forEach((type, buckets) -> buckets.forEach(b -> {
                String id = idOf(b);
                Map<Integer, Long> perYear = details.years().getOrDefault(id, Map.of());
                long[] counts = new long[years.size()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = perYear.getOrDefault(firstYear + i, 0L);
                }
                entities.add(new SearchResult.EntityTrend(type, id, details.label(id), b.docCount(),
                        Timelines.yearPeriods(firstYear, counts)));
            }));
        }
        return new SearchResult.Timeline(total - dated, years, Timelines.recentMonths(months, first,
                YearMonth.now(ZoneOffset.UTC)), entities);
    }

    /** A value as a literal in OpenSearch's (Lucene's) regular expressions: every character but a letter or digit escaped. */
    private static String regexp(String value) {
        StringBuilder out = new StringBuilder(value.length() * 2);
        for (char c : value.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
