package org.evwatch.fetcher.http;

import java.net.URI;

/**
 * One response body as received.
 *
 * @param uri the request
 * @param status HTTP status (200, or 304 when a conditional GET found nothing new)
 * @param body the body as text; empty when not modified
 * @param validators the response's ETag and Last-Modified, for the next conditional GET
 */
public record Page(URI uri, int status, String body, Validators validators) {

    public boolean notModified() {
        return status == 304;
    }
}
