package org.evwatch.gateway.subscriptions;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.gateway.matching.SearchFilters;

/** What a client sends to create or replace a subscription. */
@Schema(name = "SubscriptionRequest", description = "A named saved query with the same syntax and filters as search.")
public record SubscriptionRequest(
        @Schema(required = true, maxLength = 200, example = "Exosomes in pancreatic cancer") String name,
        @Schema(description = "Query in the search syntax; empty matches every paper", example = "exosome AND entity:\"MESH:D010190\"") String q,
        @Schema(description = "Filters, as on search") SearchFilters filters,
        @Schema(description = "Optional webhook; omit for feeds and stream only") Webhook webhook,
        @Schema(description = "Optional e-mail of new papers; a new address is sent a link to confirm it first") Email email,
        @Schema(description = "true pauses the subscription: it delivers nothing (no live events, webhook posts or "
                + "mail) until it is resumed with false, and then only the papers announced from then on; its feeds "
                + "stay readable. Omitted: a new subscription delivers, a replaced one keeps its state") Boolean paused,
        @Schema(description = "1 to 50 example papers: new papers like them are delivered (with q and filters, "
                + "only those that also match them); q may then be empty. Omitted or empty: none") List<ExampleRequest> examples,
        @Schema(description = "Up to 50 papers to avoid: new papers like them are pushed down") List<ExampleRequest> avoid,
        @Schema(description = "Required with examples: the score a new paper reaches to be delivered, the weighted mean "
                + "of its related-papers score against the examples less its mean score against the papers to avoid "
                + "(0 < threshold <= 1000)", example = "2.5") Double threshold) {

    /** A subscription by query alone. */
    public SubscriptionRequest(String name, String q, SearchFilters filters, Webhook webhook, Email email,
            Boolean paused) {
        this(name, q, filters, webhook, email, paused, null, null, null);
    }

    /** An example paper or a paper to avoid. */
    @Schema(name = "ExampleRequest")
    public record ExampleRequest(
            @Schema(required = true, description = "Any id of a paper in the catalog", example = "doi:10.1038/nature14581") String paperId,
            @Schema(description = "How much it counts among the examples (or among the papers to avoid), 0 < weight "
                    + "<= 100", defaultValue = "1") Double weight) {
    }

    /** Where matching papers are POSTed. */
    @Schema(name = "WebhookRequest")
    public record Webhook(
            @Schema(required = true, example = "https://example.org/evwatch-hook") String url) {
    }

    /** Where and how often matching papers are mailed. */
    @Schema(name = "EmailRequest")
    public record Email(
            @Schema(required = true, maxLength = 254, example = "reader@example.org") String address,
            @Schema(description = "immediate: each paper as it comes; daily or weekly: a digest at the configured "
                    + "time (UTC)", enumeration = {
                            "immediate", "daily", "weekly"}, defaultValue = "daily") String frequency){
    }
}
