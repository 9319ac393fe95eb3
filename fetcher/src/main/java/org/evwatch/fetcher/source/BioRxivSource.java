package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperKeys;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.Page;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.split.JsonRecords;
import org.evwatch.fetcher.split.MalformedResponseException;
import org.evwatch.fetcher.watch.Watch;
import org.evwatch.fetcher.watch.WatchMatcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * bioRxiv or medRxiv through the {@code details} API, {@code /details/{server}/{from}/{to}/{cursor}}. The API has no
 * keyword search, so every preprint of the window is read and the watch is applied here. Each record keeps the
 * API's {@code published} field, the DOI of the journal version once there is one.
 */
public final class BioRxivSource extends ApiSource<BioRxivSource.Settings> {

    /**
     * @param baseUrl the API root, e.g. {@code https://api.biorxiv.org/}
     * @param server {@code biorxiv} or {@code medrxiv}; also the source name
     */
    public record Settings(URI baseUrl, String server) {
    }

    public BioRxivSource(PoliteHttpClient http, Settings settings, Clock clock) {
        super(settings.server(), http, settings, clock);
    }

    @Override
    public FetchResult fetch(Watch watch, DateWindow window, RecordSink sink) throws FetchException {
        WatchMatcher matcher = new WatchMatcher(watch);
        long cursor = 0;
        long sent = 0;
        while (true) {
            URI uri = Urls.of(settings.baseUrl(),
                    "details/" + settings.server() + "/" + window.from() + "/" + window.to() + "/" + cursor,
                    Map.of());
            Page page = http.get(name(), uri);
            JsonRecords.Split split;
            long total;
            try {
                split = JsonRecords.split(page.body(), "collection");
                JsonNode message = split.tree().path("messages").path(0);
                if (message.isMissingNode()) {
                    throw new MalformedResponseException("no messages: not a details response");
                }
                String status = message.path("status").asText("");
                if (!status.equals("ok")) {
                    // "no posts found" is how the API says a window is empty.
                    if (status.startsWith("no posts")) {
                        return FetchResult.of(cursor, sent);
                    }
                    throw new MalformedResponseException("status '" + status + "'");
                }
                total = message.path("total").asLong(-1);
                if (total < 0) {
                    throw new MalformedResponseException("no total in messages");
                }
                for (JsonNode item : split.items()) {
                    if (PaperKeys.normaliseDoi(item.path("doi").asText(null)) == null) {
                        throw new MalformedResponseException("a preprint has no DOI");
                    }
                }
            } catch (MalformedResponseException e) {
                throw malformed(uri, e);
            }
            var fetchedAt = clock.instant();
            for (int i = 0; i < split.items().size(); i++) {
                JsonNode item = split.items().get(i);
                String text = item.path("title").asText("") + " " + item.path("abstract").asText("");
                if (matcher.matches(text)) {
                    String doi = PaperKeys.normaliseDoi(item.path("doi").asText());
                    sink.accept(Records.fetched(name(), doi, ContentTypes.BIORXIV_JSON, split.raw().get(i),
                            uri.toString(), watch.id(), fetchedAt));
                    sent++;
                }
            }
            cursor += split.items().size();
            if (split.items().isEmpty() || cursor >= total) {
                return FetchResult.of(cursor, sent);
            }
        }
    }
}
