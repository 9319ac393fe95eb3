package org.evwatch.fetcher.split;

/** A response body that is truncated or not in the format its source promises. */
public final class MalformedResponseException extends Exception {

    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedResponseException(String message) {
        super(message);
    }
}
