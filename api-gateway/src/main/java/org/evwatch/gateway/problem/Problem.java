package org.evwatch.gateway.problem;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail; the body of every error answer.")
public record Problem(
        @Schema(description = "URI identifying the problem type", example = "https://evwatch.org/problems/query-syntax") URI type,
        @Schema(description = "Short summary of the problem type", example = "Query syntax error") String title,
        @Schema(description = "HTTP status code", example = "400") int status,
        @Schema(description = "What went wrong in this request", example = "expected ')' at position 19") String detail,
        @Schema(description = "The request path", example = "/api/v1/papers") String instance,
        @Schema(description = "For a query syntax error: 0-based character offset in q", example = "19") Integer position,
        @Schema(description = "For 429: seconds to wait", example = "2") Long retryAfter) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://evwatch.org/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(URI.create(BASE + slug), title, status, detail, null, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, position, retryAfter);
    }

    public Problem withPosition(Integer pos) {
        return new Problem(type, title, status, detail, instance, pos, retryAfter);
    }

    public Problem withRetryAfter(Long seconds) {
        return new Problem(type, title, status, detail, instance, position, seconds);
    }
}
