package org.evwatch.gateway.subscriptions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A reader's judgement of a paper a subscription by examples delivered. */
@Schema(name = "FeedbackRequest", description = "Whether a paper is what the subscription should deliver")
public record FeedbackRequest(
        @Schema(required = true, description = "Any id of a paper in the catalog", example = "p-000042") String paperId,
        @Schema(required = true, description = "true adds the paper to the examples (weight 1), false to the papers "
                + "to avoid") Boolean relevant) {
}
