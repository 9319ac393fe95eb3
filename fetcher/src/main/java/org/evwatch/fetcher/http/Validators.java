package org.evwatch.fetcher.http;

/**
 * What a server said about a response's version, sent back on the next request for a conditional GET.
 *
 * @param etag the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
