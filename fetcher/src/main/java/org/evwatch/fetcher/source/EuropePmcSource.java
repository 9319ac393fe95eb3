package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.split.JsonRecords;
import org.evwatch.fetcher.split.MalformedResponseException;
import org.evwatch.fetcher.watch.Watch;
import org.evwatch.fetcher.watch.WatchQueries;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Europe PMC REST search: the watch query restricted to a {@code FIRST_PDATE} window, full ({@code core}) records
 * as JSON, paged with {@code cursorMark}. Preprints (source {@code PPR}) are part of the default search and are
 * kept. For a result in the open-access subset (it has a PMCID, {@code isOpenAccess} and {@code inEPMC}), the full
 * text is fetched too, as JATS from {@code {PMCID}/fullTextXML}, through the same client (the host's rate limit,
 * retries and circuit) and within the same window: a failure fails the window, which is fetched again. A full text
 * Europe PMC withholds (404 or 410) is skipped.
 */
public final class EuropePmcSource extends ApiSource<EuropePmcSource.Settings> {

    public static final String NAME = "europepmc";
    /** Ends the record id of a full text: {@code MED:40437959/fullTextXML}. */
    public static final String FULL_TEXT_SUFFIX = "/fullTextXML";

    private static final Logger LOG = Logger.getLogger(EuropePmcSource.class);
    private static final Pattern PMCID = Pattern.compile("PMC[0-9]{1,12}");

    /**
     * @param baseUrl the REST root, e.g. {@code https://www.ebi.ac.uk/europepmc/webservices/rest/}
     * @param pageSize results per page, at most 1000
     * @param email a contact address sent with each request, or null
     * @param fullText whether open-access results also bring their JATS full text
     */
    public record Settings(URI baseUrl, int pageSize, String email, boolean fullText) {

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
                if (settings.fullText()) {
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
        String pmcid = item.path("pmcid").asText("");
        if (!PMCID.matcher(pmcid).matches() || !"Y".equals(item.path("isOpenAccess").asText())
                || !"Y".equals(item.path("inEPMC").asText())) {
            return Optional.empty();
        }
        URI uri = Urls.of(settings.baseUrl(), pmcid + "/fullTextXML", Map.of());
        String xml;
        try {
            xml = http.get(NAME, uri).body();
        } catch (FetchException e) {
            if (e.notThere()) {
                LOG.debugf("%s: no full text served for %s (%s)", NAME, pmcid, e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
        if (!xml.contains("<article")) {
            throw malformed(uri, new MalformedResponseException("the full text of " + pmcid + " is not a JATS "
                    + "article"));
        }
        return Optional.of(Records.fetched(NAME, id + FULL_TEXT_SUFFIX, ContentTypes.JATS_XML, xml, uri.toString(),
                watch.id(), clock.instant()));
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
