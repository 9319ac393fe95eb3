package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
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
 * kept. A result in the open-access subset (it has a PMCID, {@code isOpenAccess} and {@code inEPMC}) brings its
 * JATS full text too ({@link FullTexts}), within the same window: a failure fails the window, which is fetched
 * again. A full text Europe PMC withholds (404 or 410) is skipped.
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

    private final Optional<FullTexts> fullTexts;

    /** @param fullTexts when present, an open-access result also brings its JATS full text */
    public EuropePmcSource(PoliteHttpClient http, Settings settings, Optional<FullTexts> fullTexts, Clock clock) {
        super(NAME, http, settings, clock);
        this.fullTexts = fullTexts;
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
                if (fullTexts.isPresent()) {
                    fullText(item, id, watch).ifPresent(sink::accept);
                }
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

    /** The JATS full text of an open-access result, as a record of its own; empty for the others. */
    private Optional<PaperFetched> fullText(JsonNode item, String id, Watch watch) throws FetchException {
        if (!openAccess(item)) {
            return Optional.empty();
        }
        return fullTexts.get().fetch(item.path("pmcid").asText(""), id, watch.id());
    }

    /** Whether a search result is in Europe PMC's open-access subset, whose full texts it serves. */
    static boolean openAccess(JsonNode result) {
        return "Y".equals(result.path("isOpenAccess").asText()) && "Y".equals(result.path("inEPMC").asText());
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
