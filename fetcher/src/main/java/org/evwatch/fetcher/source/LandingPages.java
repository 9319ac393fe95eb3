package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;

import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.Page;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.jsoup.Jsoup;

/**
 * Article landing pages, fetched for feed items that carry no abstract. They go through the same
 * {@link PoliteHttpClient}, so a publisher's site gets the same rate limit whether it serves a feed or a page.
 */
public final class LandingPages {

    public static final String NAME = "landing-page";

    private final PoliteHttpClient http;
    private final Clock clock;

    public LandingPages(PoliteHttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The page as received and its visible text, for matching against a watch. */
    public record Fetched(PaperFetched record, String text) {
    }

    public Fetched fetch(URI page, String watchId) throws FetchException {
        Page response = http.get(NAME, page);
        String html = response.body();
        String text = Jsoup.parse(html, page.toString()).text();
        PaperFetched record = Records.fetched(NAME, page.toString(), ContentTypes.HTML, html, page.toString(),
                watchId, clock.instant());
        return new Fetched(record, text);
    }
}
