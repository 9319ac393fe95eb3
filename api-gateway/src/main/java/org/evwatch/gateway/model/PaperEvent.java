package org.evwatch.gateway.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.events.PaperIndexed;
import org.evwatch.indexer.api.PaperView;

/**
 * A new or changed paper that matches a subscription or a live query: the body of webhook POSTs and the data of
 * server-sent events.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PaperEvent", description = "A new or changed paper matching a subscription or live query")
public record PaperEvent(
        @Schema(description = "paper.created or paper.updated", example = "paper.created") String event,
        @Schema(description = "The subscription matched; absent on /api/v1/stream") SubscriptionRef subscription,
        Instant indexedAt,
        PaperView paper) {

    /** The event of an announced paper, for a subscription or (with {@code null}) for a live query. */
    public static PaperEvent of(PaperIndexed indexed, SubscriptionRef subscription) {
        String event = indexed.change() == PaperIndexed.Change.CREATED ? "paper.created" : "paper.updated";
        return new PaperEvent(event, subscription, indexed.indexedAt(), PaperViews.fromIndexed(indexed));
    }

    /** The subscription a paper matched. */
    @Schema(name = "SubscriptionRef")
    public record SubscriptionRef(String id, String name) {
    }
}
