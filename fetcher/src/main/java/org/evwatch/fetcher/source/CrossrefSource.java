package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperKeys;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.split.JsonRecords;
import org.evwatch.fetcher.split.MalformedResponseException;
import org.evwatch.fetcher.watch.Watch;
import org.evwatch.fetcher.watch.WatchMatcher;
import org.evwatch.fetcher.watch.WatchQueries;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Crossref REST {@code works}: works indexed in the window ({@code from-index-date}, {@code until-index-date}) that
 * the query ranks, paged with a deep-paging cursor. Crossref's query is a relevance ranking, not a boolean search,
 * so each work is also checked against the watch locally. {@code mailto} puts the requests in the polite pool.
 */
public final class CrossrefSource extends ApiSource<CrossrefSource.Settings> {

    public static final String NAME = "crossref";

    /**
     * @param baseUrl the API root, e.g. {@code https://api.crossref.org/}
     * @param rows works per page, at most 1000
     * @param mailto contact address for the polite pool, or null
     */
    public record Settings(URI baseUrl, int rows, String mailto) {

        public Settings {
            requireSize(rows, 1000, "Crossref pages", "rows");
        }
    }

    public CrossrefSource(PoliteHttpClient http, Settings settings, Clock clock) {
        super(NAME, http, settings, clock);
    }

    @Override
    public FetchResult fetch(Watch watch, DateWindow window, RecordSink sink) throws FetchException {
        WatchMatcher matcher = new WatchMatcher(watch);
        String cursor = "*";
        long seen = 0;
        long sent = 0;
        while (true) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("filter", "from-index-date:" + window.from() + ",until-index-date:" + window.to());
            params.put("query", WatchQueries.crossref(watch));
            params.put("rows", Integer.toString(settings.rows()));
            params.put("cursor", cursor);
            params.put("mailto", settings.mailto());
            URI uri = Urls.of(settings.baseUrl(), "works", params);
            JsonRecords.Split split = jsonPage(uri, CrossrefSource::check, "message", "items");
            var fetchedAt = clock.instant();
            for (int i = 0; i < split.items().size(); i++) {
                JsonNode item = split.items().get(i);
                if (matcher.matches(text(item))) {
                    String doi = PaperKeys.normaliseDoi(item.path("DOI").asText());
                    sink.accept(Records.fetched(NAME, doi, ContentTypes.CROSSREF_JSON, split.raw().get(i),
                            uri.toString(), watch.id(), fetchedAt));
                    sent++;
                }
            }
            seen += split.items().size();
            String next = split.tree().path("message").path("next-cursor").asText(null);
            // Crossref signals the end with an empty page; a response without a next cursor cannot go on either.
            if (split.items().isEmpty() || next == null || next.isBlank()) {
                return FetchResult.of(seen, sent);
            }
            cursor = next;
        }
    }

    private static void check(JsonRecords.Split page) throws MalformedResponseException {
        JsonNode tree = page.tree();
        if (!"ok".equals(tree.path("status").asText()) || !"work-list".equals(tree.path("message-type").asText())) {
            throw new MalformedResponseException("not an ok work-list response");
        }
        for (JsonNode item : page.items()) {
            if (PaperKeys.normaliseDoi(item.path("DOI").asText(null)) == null) {
                throw new MalformedResponseException("a work has no DOI");
            }
        }
    }

    private static String text(JsonNode work) {
        StringBuilder sb = new StringBuilder();
        work.path("title").forEach(t -> sb.append(t.asText()).append(' '));
        work.path("subtitle").forEach(t -> sb.append(t.asText()).append(' '));
        sb.append(work.path("abstract").asText(""));
        return sb.toString();
    }
}
