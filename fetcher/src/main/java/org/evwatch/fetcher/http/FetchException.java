package org.evwatch.fetcher.http;

import java.net.URI;

/** A request, or its response, that could not be used. Carries the source and the request for the log. */
public final class FetchException extends Exception {

    public enum Kind {
        /** The server kept failing (5xx, 429) past the retries. */
        HTTP_STATUS,
        /** No response in time. */
        TIMEOUT,
        /** The connection failed. */
        NETWORK,
        /** The response arrived but is truncated or not in the expected format. */
        MALFORMED,
        /** The source's circuit is open: nothing was sent. */
        CIRCUIT_OPEN,
        /** The server refused the request itself (4xx other than 429). */
        REJECTED
    }

    private final Kind kind;
    private final String source;
    private final URI request;

    public FetchException(Kind kind, String source, URI request, String message, Throwable cause) {
        super(source + ": " + message + " [" + redact(request) + "]", cause);
        this.kind = kind;
        this.source = source;
        this.request = redact(request);
    }

    public FetchException(Kind kind, String source, URI request, String message) {
        this(kind, source, request, message, null);
    }

    /** The request without secrets, fit for logs, the admin API and records: API keys are masked. */
    public static URI redact(URI uri) {
        if (uri == null || uri.getRawQuery() == null) {
            return uri;
        }
        return URI.create(uri.toString().replaceAll("([?&](?:api_key|apikey|key)=)[^&]*", "$1***"));
    }

    public Kind kind() {
        return kind;
    }

    public String source() {
        return source;
    }

    public URI request() {
        return request;
    }
}
