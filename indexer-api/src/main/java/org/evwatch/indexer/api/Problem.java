package org.evwatch.indexer.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem, the body of every error answer.
 *
 * @param position set for query syntax errors: the 0-based offset in {@code q}
 * @param parameter the request parameter at fault, when one is
 */
@Schema(name = "Problem")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, Integer position,
        String parameter) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
