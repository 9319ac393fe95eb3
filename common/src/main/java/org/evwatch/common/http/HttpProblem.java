package org.evwatch.common.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.JsonObject;

/**
 * The RFC 9457 body of an error that has no type of its own ({@code about:blank}: the title is the status's reason
 * phrase), shared by every service so that a 404, 405 or 414 reads the same wherever it comes from.
 */
public final class HttpProblem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private HttpProblem() {
    }

    /** The problem as JSON text; {@code instance} may be null. */
    public static String json(int status, String detail, String instance) {
        JsonObject body = new JsonObject().put("type", "about:blank").put("title", title(status))
                .put("status", status).put("detail", detail == null || detail.isBlank() ? detail(status) : detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        return body.encode();
    }

    public static String title(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    /** What a client should know about a status when nothing more specific is known. */
    public static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed.";
            case 404 -> "Nothing is served at this path.";
            case 405 -> "This method is not allowed here; the Allow header lists those that are.";
            case 406 -> "None of the media types in Accept can be produced here.";
            case 413 -> "The request body is too large.";
            case 414 -> "The request target is too long.";
            case 415 -> "This Content-Type is not accepted here; send application/json.";
            case 431 -> "The request headers are too large.";
            default -> status >= 500 ? "The server could not complete the request." : title(status) + ".";
        };
    }
}
