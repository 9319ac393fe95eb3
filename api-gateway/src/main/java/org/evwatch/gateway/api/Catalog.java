package org.evwatch.gateway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.gateway.indexer.IndexerClient;
import org.evwatch.gateway.matching.SearchFilters;
import org.evwatch.indexer.api.PaperView;
import org.evwatch.indexer.api.PapersApi;
import org.evwatch.indexer.api.SearchHit;
import org.evwatch.indexer.api.SearchResponse;
import org.evwatch.indexer.api.SimilarResponse;
import org.evwatch.gateway.problem.ProblemException;
import org.evwatch.query.QuerySyntax;
import org.evwatch.query.QuerySyntaxException;

import io.micrometer.core.instrument.Timer;

/**
 * Searches and reads the catalog through the indexer, checking the query locally first. Each search the indexer is
 * asked is timed as the gateway sees it ({@link PipelineMetric#INDEXER_CALLS}).
 */
@ApplicationScoped
public class Catalog {

    public static final int MAX_SIZE = 100;

    private final IndexerClient indexer;
    private final Timer answered;
    private final Timer failed;

    public Catalog(@RestClient IndexerClient indexer, PipelineMetrics metrics) {
        this.indexer = indexer;
        this.answered = metrics.timer(PipelineMetric.INDEXER_CALLS, "search", "ok");
        this.failed = metrics.timer(PipelineMetric.INDEXER_CALLS, "search", "failed");
    }

    public IndexerClient indexer() {
        return indexer;
    }

    /**
     * Checks the query with the same parser the indexer uses, so that a syntax error is a 400 naming the position
     * without a round trip.
     */
    public static void checkQuery(String q) {
        try {
            QuerySyntax.parse(q);
        } catch (QuerySyntaxException e) {
            throw ProblemException.querySyntax(e.getMessage(), e.position());
        }
    }

    public SearchResponse search(String q, SearchFilters f, String sort, Integer size, String cursor, String facets,
            Boolean highlight) {
        MultivaluedMap<String, String> parameters = parameters(q, f, sort, size, cursor, facets, highlight, null);
        return timed(() -> indexer.search(parameters));
    }

    /**
     * The same search, answered with the indexer's JSON as it came: what the gateway sends on unchanged costs it no
     * parsing and no writing. With {@code timeline} true it carries the timeline of the matches.
     */
    public byte[] searchJson(String q, SearchFilters f, String sort, Integer size, String cursor, String facets,
            Boolean highlight, Boolean timeline) {
        MultivaluedMap<String, String> parameters = parameters(q, f, sort, size, cursor, facets, highlight, timeline);
        return timed(() -> indexer.searchJson(parameters));
    }

    private <T> T timed(Supplier<T> call) {
        long start = System.nanoTime();
        Timer outcome = failed;
        try {
            T answer = call.get();
            outcome = answered;
            return answer;
        } finally {
            outcome.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    /** Checks a search and names its parameters as the indexer's {@code /search} reads them. */
    private static MultivaluedMap<String, String> parameters(String q, SearchFilters f, String sort, Integer size,
            String cursor, String facets, Boolean highlight, Boolean timeline) {
        checkQuery(q);
        if (sort != null && !sort.equals("relevance") && !sort.equals("date")) {
            throw ProblemException.badRequest("'sort' is relevance or date.");
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            throw ProblemException.badRequest("'size' is between 1 and " + MAX_SIZE + ".");
        }
        MultivaluedMap<String, String> p = new MultivaluedHashMap<>();
        put(p, "q", blankToNull(q));
        putAll(p, "entity", f.entity());
        putAll(p, "entityType", f.entityType());
        put(p, "from", f.from());
        put(p, "to", f.to());
        putAll(p, "journal", f.journal());
        putAll(p, "pubType", f.pubType());
        putAll(p, "source", f.source());
        putAll(p, "relevance", f.relevance());
        put(p, "sort", sort);
        put(p, "size", size);
        put(p, "cursor", blankToNull(cursor));
        put(p, "facets", blankToNull(facets));
        put(p, "highlight", highlight);
        put(p, "timeline", timeline);
        return p;
    }

    private static void put(MultivaluedMap<String, String> p, String name, Object value) {
        if (value != null) {
            p.add(name, value.toString());
        }
    }

    private static void putAll(MultivaluedMap<String, String> p, String name, List<String> values) {
        if (values != null) {
            values.forEach(v -> p.add(name, v));
        }
    }

    public PaperView paper(String id) {
        if (id == null || id.isBlank() || id.length() > 300) {
            throw ProblemException.badRequest("'id' is required and has at most 300 characters.");
        }
        return indexer.paper(id.trim());
    }

    /** The papers most like a paper, each with the words and entities it shares with it. */
    public SimilarResponse similar(String id, int limit) {
        if (id == null || id.isBlank() || id.length() > 300) {
            throw ProblemException.badRequest("'id' is required and has at most 300 characters.");
        }
        if (limit < 1 || limit > PapersApi.MAX_SIMILAR) {
            throw ProblemException.badRequest("'limit' is between 1 and " + PapersApi.MAX_SIMILAR + ".");
        }
        return timed(() -> indexer.similar(id.trim(), limit));
    }

    /** The full papers of a page of hits, for exports that need more than a hit carries. */
    public List<PaperView> papers(List<SearchHit> hits) {
        List<PaperView> out = new ArrayList<>(hits.size());
        for (SearchHit hit : hits) {
            out.add(indexer.paper(hit.id()));
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
