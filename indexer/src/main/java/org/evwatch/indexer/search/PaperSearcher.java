package org.evwatch.indexer.search;

import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.lucene.document.Document;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.evwatch.events.serde.EventJson;
import org.evwatch.query.PaperFields;
import org.evwatch.query.PaperFilters;
import org.evwatch.query.QuerySyntax;
import org.evwatch.query.QuerySyntaxException;
import org.evwatch.query.Vocabulary;

/** Runs searches on the active generation: the page of hits, the exact total, exact facets and highlights. */
final class PaperSearcher {

    /** Matches counted exactly while ranking; past it, ranking may skip documents that cannot make the page. */
    private static final int TOTAL_HITS_THRESHOLD = 1000;

    private final Supplier<Generation> active;
    private final SegmentFacets.Cache facetCache;
    private final SimilarPapers similar = new SimilarPapers();

    PaperSearcher(Supplier<Generation> active, SegmentFacets.Cache facetCache) {
        this.active = active;
        this.facetCache = facetCache;
    }

    /** The total, facets and timeline of a search: one pass over all matches without scoring. */
    private record Counts(long total, Map<String, List<SearchResult.FacetValue>> facets,
            SearchResult.Timeline timeline) {
    }

    SearchResult search(SearchRequest request, Vocabulary vocabulary) throws QuerySyntaxException, IOException {
        QuerySyntax.Parsed parsed = QuerySyntax.parse(request.q(), vocabulary);
        FieldDoc after = request.cursor() == null || request.cursor().isBlank()
                ? null
                : fieldDoc(Cursors.decode(request.sort(), request.cursor()));
        Generation gen = active.get();
        IndexSearcher searcher = gen.acquire();
        try {
            Query text = SimilarPapers.hasSimilar(parsed.query())
                    ? similar.resolve(searcher, parsed.query())
                    : parsed.query();
            Query query = withFilters(text, request);
            // The page: one more than asked tells whether there is a next page. Ranking stops counting after
            // TOTAL_HITS_THRESHOLD matches, which lets Lucene skip documents that cannot reach the page.
            TopDocs topDocs = searcher.search(query,
                    new TopFieldCollectorManager(sort(request), request.size() + 1, after, TOTAL_HITS_THRESHOLD));
            Counts counts = count(searcher, query, request, after == null ? topDocs : null);
            ScoreDoc[] docs = topDocs.scoreDocs;
            boolean more = docs.length > request.size();
            ScoreDoc[] page = more ? Arrays.copyOf(docs, request.size()) : docs;
            Map<Integer, Map<String, String>> highlights = request.highlight() && !(text instanceof MatchAllDocsQuery)
                    ? Highlights.of(searcher, text, page)
                    : Map.of();
            String next = more ? Cursors.encode(request.sort(), after((FieldDoc) page[page.length - 1])) : null;
            return new SearchResult(counts.total(), hits(searcher, page, highlights), counts.facets(), next,
                    counts.timeline(), parsed.expansions());
        } finally {
            gen.release(searcher);
        }
    }

    private static FieldDoc fieldDoc(Cursors.After after) {
        return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[]{after.value(), new BytesRef(after.id())});
    }

    private static Cursors.After after(FieldDoc last) {
        return new Cursors.After(last.fields[0], ((BytesRef) last.fields[1]).utf8ToString());
    }

    private static Sort sort(SearchRequest request) {
        return request.sort() == SearchRequest.SortOrder.DATE
                ? new Sort(new SortField(PaperFields.PUBLISHED, SortField.Type.LONG, true),
                        new SortField(PaperFields.ID, SortField.Type.STRING))
                : new Sort(SortField.FIELD_SCORE, new SortField(PaperFields.ID, SortField.Type.STRING));
    }

    /**
     * The exact total and the exact facets. The total is that of the whole query, also on a page after a cursor;
     * the first page's ranking already counted it when it saw fewer matches than its threshold.
     */
    private Counts count(IndexSearcher searcher, Query query, SearchRequest request, TopDocs firstPage)
            throws IOException {
        List<String> facetNames = PaperFields.FACET_NAMES.stream().filter(request.facets()::contains).toList();
        Query matching = matchOnly(query);
        if (!facetNames.isEmpty() || request.timeline()) {
            // A timeline ranks entities by the entity facet, so it is counted even when not asked for.
            List<String> facetFields = new ArrayList<>(facetNames.stream().map(PaperFields.FACETS::get).toList());
            if (request.timeline() && !facetFields.contains(PaperFields.FACET_ENTITY)) {
                facetFields.add(PaperFields.FACET_ENTITY);
            }
            ReaderFacets values = facetCache.of(searcher.getIndexReader());
            FacetCounts.Result r = searcher.search(matching,
                    new FacetCounts(facetCache, values, facetFields, request.timeline()));
            SearchResult.Timeline timeline = request.timeline()
                    ? Timelines.of(searcher, facetCache, values, r, YearMonth.now(ZoneOffset.UTC))
                    : null;
            return new Counts(r.total(), values.top(facetNames, r.counts()), timeline);
        }
        if (firstPage != null && firstPage.totalHits.relation == TotalHits.Relation.EQUAL_TO) {
            return new Counts(firstPage.totalHits.value, Map.of(), null);
        }
        return new Counts(searcher.count(matching), Map.of(), null);
    }

    private static List<SearchResult.Hit> hits(IndexSearcher searcher, ScoreDoc[] page,
            Map<Integer, Map<String, String>> highlights) throws IOException {
        List<SearchResult.Hit> hits = new ArrayList<>(page.length);
        var stored = searcher.storedFields();
        for (ScoreDoc sd : page) {
            Document d = stored.document(sd.doc, Set.of(PaperIndex.HIT));
            HitSummary summary = EventJson.mapper().readValue(d.getBinaryValue(PaperIndex.HIT).bytes,
                    HitSummary.class);
            Object first = ((FieldDoc) sd).fields[0];
            float score = first instanceof Float f ? f : Float.NaN;
            hits.add(new SearchResult.Hit(summary.id(), score, summary, highlights.getOrDefault(sd.doc, Map.of())));
        }
        return hits;
    }

    /**
     * The same matches without scores: boosts dropped and each best-field disjunction turned into a plain one, which
     * Lucene can count in bulk (a window of documents at a time) instead of through a priority queue per document.
     */
    static Query matchOnly(Query q) {
        if (q instanceof BoostQuery b) {
            return matchOnly(b.getQuery());
        }
        if (q instanceof DisjunctionMaxQuery d) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            d.getDisjuncts().forEach(x -> b.add(matchOnly(x), Occur.SHOULD));
            return b.build();
        }
        if (q instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder()
                    .setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            bq.clauses().forEach(c -> b.add(matchOnly(c.getQuery()), c.getOccur()));
            return b.build();
        }
        return q;
    }

    /** The text query with the request's filters: OR within one parameter, AND across parameters. */
    static Query withFilters(Query text, SearchRequest r) {
        List<Query> filters = new ArrayList<>();
        if (!r.entities().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.ENTITY, r.entities()));
        }
        if (!r.entityTypes().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.TYPE, r.entityTypes()));
        }
        if (r.from() != null || r.to() != null) {
            filters.add(PaperFilters.published(r.from(), r.to()));
        }
        if (!r.journals().isEmpty()) {
            filters.add(PaperFilters.journals(r.journals()));
        }
        if (!r.pubTypes().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.PUBTYPE, r.pubTypes()));
        }
        if (!r.sources().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.SOURCE, r.sources()));
        }
        if (!r.relevance().isEmpty()) {
            filters.add(PaperFilters.anyOf(PaperFields.RELEVANCE, r.relevance()));
        }
        if (filters.isEmpty()) {
            return text;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        filters.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    /** The papers most like the one with this id, best first; null when no paper has the id. */
    SimilarResult similar(String id, int size) throws IOException {
        Generation gen = active.get();
        IndexSearcher searcher = gen.acquire();
        try {
            return similar.similar(searcher, id, size, q -> q);
        } finally {
            gen.release(searcher);
        }
    }

    /** The paper with this id weighed by the related-papers model; null when no paper has the id. */
    PaperWeights weights(String id) throws IOException {
        Generation gen = active.get();
        IndexSearcher searcher = gen.acquire();
        try {
            return similar.weights(searcher, id);
        } finally {
            gen.release(searcher);
        }
    }

    /** Papers in the searchable view. */
    int count() throws IOException {
        Generation gen = active.get();
        IndexSearcher searcher = gen.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            gen.release(searcher);
        }
    }
}
