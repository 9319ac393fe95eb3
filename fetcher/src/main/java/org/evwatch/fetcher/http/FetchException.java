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
    private final int status;

    public FetchException(Kind kind, String source, URI request, String message, Throwable cause) {
        this(kind, source, request, message, cause, 0);
    }

    private FetchException(Kind kind, String source, URI request, String message, Throwable cause, int status) {
        super(source + ": " + message + " [" + redact(request) + "]", cause);
        this.kind = kind;
        this.source = source;
        this.request = redact(request);
        this.status = status;
    }

    /** The server refused the request itself with this 4xx status (not 429). */
    public static FetchException rejected(String source, URI request, int status) {
        return new FetchException(Kind.REJECTED, source, request, "HTTP " + status, null, status);
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

    /** The HTTP status a {@link Kind#REJECTED} request was answered with; 0 for the other kinds. */
    public int status() {
        return status;
    }

    /** Whether the server said there is nothing at the address: 404 Not Found or 410 Gone. */
    public boolean notThere() {
        return kind == Kind.REJECTED && (status == 404 || status == 410);
    }
}
