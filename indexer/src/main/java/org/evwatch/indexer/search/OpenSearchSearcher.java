package org.evwatch.indexer.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.evwatch.events.serde.EventJson;
import org.evwatch.query.PaperFields;
import org.evwatch.query.QuerySyntax;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.Vocabulary;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.aggregations.Aggregation;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.search.Hit;
import org.opensearch.client.opensearch.core.SearchResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Searches the OpenSearch index: the page ranked by score or date with the paper id as tie-break, after a cursor by
 * {@code search_after}; the exact total; facets and the timeline from aggregations ({@link OpenSearchFacets}); and
 * highlights formatted as the Lucene index formats them ({@link OpenSearchHighlights}).
 */
final class OpenSearchSearcher {

    /** Why similar papers and {@code similar:} are refused on OpenSearch. */
    static final String NO_SIMILAR = "similar papers (and similar: in a query) are found by the embedded Lucene "
            + "engine only; this indexer searches OpenSearch (evwatch.index.engine)";

    private final OpenSearchClient client;
    private final String index;

    OpenSearchSearcher(OpenSearchClient client, String index) {
        this.client = client;
        this.index = index;
    }

    SearchResult search(SearchRequest request, Vocabulary vocabulary) throws QuerySyntaxException, IOException {
        QuerySyntax.Parsed parsed = QuerySyntax.parse(request.q(), vocabulary);
        if (SimilarPapers.hasSimilar(parsed.query())) {
            throw new UnsupportedSearchException(NO_SIMILAR);
        }
        Query query = OpenSearchQueries.translate(PaperSearcher.withFilters(parsed.query(), request));
        Cursors.After after = request.cursor() == null || request.cursor().isBlank()
                ? null
                : Cursors.decode(request.sort(), request.cursor());
        boolean highlight = request.highlight() && !(parsed.query() instanceof MatchAllDocsQuery);
        Map<String, Aggregation> aggregations = OpenSearchFacets.aggregations(request);
        SearchResponse<ObjectNode> response = client.search(s -> {
            s.index(index).query(query).size(request.size() + 1).trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(OpenSearchLayout.HIT))).sort(sort(request))
                    .aggregations(aggregations);
            if (after != null) {
                s.searchAfterVals(searchAfter(after));
            }
            if (highlight) {
                s.highlight(OpenSearchHighlights.request(OpenSearchQueries.translate(parsed.query())));
            }
            return s;
        }, ObjectNode.class);
        List<Hit<ObjectNode>> docs = response.hits().hits();
        boolean more = docs.size() > request.size();
        List<Hit<ObjectNode>> page = more ? docs.subList(0, request.size()) : docs;
        long total = response.hits().total().value();
        OpenSearchFacets.Counted counted = new OpenSearchFacets(client, index, query)
                .count(request, response.aggregations(), total);
        String next = more ? Cursors.encode(request.sort(), last(request, page.get(page.size() - 1))) : null;
        return new SearchResult(total, hits(page), counted.facets(), next, counted.timeline(), parsed.expansions());
    }

    private static List<SortOptions> sort(SearchRequest request) {
        SortOptions tieBreak = SortOptions.of(o -> o.field(f -> f.field(PaperFields.ID).order(SortOrder.Asc)));
        SortOptions first = request.sort() == SearchRequest.SortOrder.DATE
                ? SortOptions.of(o -> o.field(f -> f.field(PaperFields.PUBLISHED).order(SortOrder.Desc)))
                : SortOptions.of(o -> o.score(f -> f.order(SortOrder.Desc)));
        return List.of(first, tieBreak);
    }

    private static List<FieldValue> searchAfter(Cursors.After after) {
        FieldValue first = after.value() instanceof Float score
                ? FieldValue.of(score.doubleValue())
                : FieldValue.of((Long) after.value());
        return List.of(first, FieldValue.of(after.id()));
    }

    /** Where a page ends, from its last hit's sort values. */
    private static Cursors.After last(SearchRequest request, Hit<ObjectNode> hit) {
        List<FieldValue> values = hit.sortVals();
        Object first = request.sort() == SearchRequest.SortOrder.DATE
                ? (Object) values.get(0).longValue()
                : (Object) (float) values.get(0).doubleValue();
        return new Cursors.After(first, values.get(1).stringValue());
    }

    private static List<SearchResult.Hit> hits(List<Hit<ObjectNode>> page) throws IOException {
        List<SearchResult.Hit> out = new ArrayList<>(page.size());
        for (Hit<ObjectNode> hit : page) {
            HitSummary summary = EventJson.mapper().treeToValue(hit.source().get(OpenSearchLayout.HIT),
                    HitSummary.class);
            float score = hit.score() == null ? Float.NaN : hit.score().floatValue();
            Map<String, String> highlights = new LinkedHashMap<>();
            hit.highlight().forEach((field, fragments) -> {
                if (OpenSearchHighlights.marked(fragments)) {
                    highlights.put(field, OpenSearchHighlights.format(fragments));
                }
            });
            out.add(new SearchResult.Hit(summary.id(), score, summary, highlights));
        }
        return out;
    }
}
