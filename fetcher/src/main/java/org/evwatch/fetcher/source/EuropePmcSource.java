package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.evwatch.events.ContentTypes;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.split.JsonRecords;
import org.evwatch.fetcher.split.MalformedResponseException;
import org.evwatch.fetcher.watch.Watch;
import org.evwatch.fetcher.watch.WatchQueries;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Europe PMC REST search: the watch query restricted to a {@code FIRST_PDATE} window, full ({@code core}) records
 * as JSON, paged with {@code cursorMark}. Preprints (source {@code PPR}) are part of the default search and are
 * kept.
 */
public final class EuropePmcSource extends ApiSource<EuropePmcSource.Settings> {

    public static final String NAME = "europepmc";

    /**
     * @param baseUrl the REST root, e.g. {@code https://www.ebi.ac.uk/europepmc/webservices/rest/}
     * @param pageSize results per page, at most 1000
     * @param email a contact address sent with each request, or null
     */
    public record Settings(URI baseUrl, int pageSize, String email) {

        public Settings {
            requireSize(pageSize, 1000, "Europe PMC pages", "results");
        }
    }

    public EuropePmcSource(PoliteHttpClient http, Settings settings, Clock clock) {
        super(NAME, http, settings, clock);
    }

    /** The query sent for a watch and a window. */
    public static String query(Watch watch, DateWindow window) {
        return "(" + WatchQueries.europePmc(watch) + ") AND (FIRST_PDATE:[" + window.from() + " TO " + window.to()
                + "])";
    }

    @Override
    public FetchResult fetch(Watch watch, DateWindow window, RecordSink sink) throws FetchException {
        String query = query(watch, window);
        String cursor = "*";
        long seen = 0;
        while (true) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("query", query);
            params.put("resultType", "core");
            params.put("format", "json");
            params.put("pageSize", Integer.toString(settings.pageSize()));
            params.put("cursorMark", cursor);
            params.put("email", settings.email());
            URI uri = Urls.of(settings.baseUrl(), "search", params);
            JsonRecords.Split split = jsonPage(uri, EuropePmcSource::check, "resultList", "result");
            var fetchedAt = clock.instant();
            String url = uri.toString();
            for (int i = 0; i < split.items().size(); i++) {
                JsonNode item = split.items().get(i);
                String id = item.get("source").asText() + ":" + item.get("id").asText();
                sink.accept(Records.fetched(NAME, id, ContentTypes.EUROPEPMC_JSON, split.raw().get(i), url,
                        watch.id(), fetchedAt));
            }
            seen += split.items().size();
            String next = split.tree().path("nextCursorMark").asText(null);
            // The last page repeats the cursor it was asked with, or has no results, or no next cursor at all.
            if (split.items().isEmpty() || next == null || next.equals(cursor)) {
                return FetchResult.of(seen, seen);
            }
            cursor = next;
        }
    }

    private static void check(JsonRecords.Split page) throws MalformedResponseException {
        if (!page.tree().has("hitCount")) {
            throw new MalformedResponseException("no hitCount: not a Europe PMC search response");
        }
        for (JsonNode item : page.items()) {
            if (item.path("id").asText("").isEmpty() || item.path("source").asText("").isEmpty()) {
                throw new MalformedResponseException("a result has no id or source");
            }
        }
    }
}
