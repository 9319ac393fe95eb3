package org.evwatch.fetcher.source;

import java.net.URI;
import java.time.Clock;

import org.evwatch.fetcher.http.FetchException;
import org.evwatch.fetcher.http.PoliteHttpClient;
import org.evwatch.fetcher.split.JsonRecords;
import org.evwatch.fetcher.split.MalformedResponseException;

/**
 * What the sources that query a public API share: the HTTP client, their settings, the clock that stamps each
 * record, and how a response that is not what the API promises is reported (a MALFORMED failure of the request, so
 * that nothing of the window is sent and its cursor stays put).
 *
 * @param <S> the source's settings
 */
abstract class ApiSource<S> implements Source {

    /** Checks a whole page before any of its records is used. */
    @FunctionalInterface
    interface PageCheck {
        void check(JsonRecords.Split page) throws MalformedResponseException;
    }

    protected final PoliteHttpClient http;
    protected final S settings;
    protected final Clock clock;
    private final String name;

    ApiSource(String name, PoliteHttpClient http, S settings, Clock clock) {
        this.name = name;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public final String name() {
        return name;
    }

    /** GETs a JSON page, splits it at {@code path} into its items as received, and checks it. */
    protected final JsonRecords.Split jsonPage(URI uri, PageCheck check, String... path) throws FetchException {
        String body = http.get(name(), uri).body();
        try {
            JsonRecords.Split page = JsonRecords.split(body, path);
            check.check(page);
            return page;
        } catch (MalformedResponseException e) {
            throw malformed(uri, e);
        }
    }

    protected final FetchException malformed(URI uri, Exception cause) {
        return new FetchException(FetchException.Kind.MALFORMED, name(), uri, cause.getMessage(), cause);
    }

    /** A page or batch size within what the API serves: {@code "Crossref pages hold 1 to 1000 rows, got 0"}. */
    static int requireSize(int value, int max, String pages, String items) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(pages + " hold 1 to " + max + " " + items + ", got " + value);
        }
        return value;
    }
}
