package org.evwatch.gateway.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.evwatch.gateway.matching.SearchFilters;

/** A subscription as the API shows it to its owner. */
@Schema(name = "Subscription")
public record SubscriptionView(UUID id, String name, String q, SearchFilters filters, Links links, WebhookView webhook,
        EmailView email,
        @Schema(description = "Whether it is paused: nothing is delivered on any channel; feeds stay readable") boolean paused,
        @Schema(description = "When it was paused; null while it delivers") Instant pausedAt, Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Its example papers, the oldest first (empty for a subscription by query alone)") List<ExampleView> examples,
        @Schema(description = "The papers it avoids, the oldest first") List<ExampleView> avoid,
        @Schema(description = "The score a new paper reaches against the examples to be delivered; null without examples") Double threshold) {

    /** An example paper or a paper to avoid: its catalog id, its weight and when it was added. */
    @Schema(name = "Example")
    public record ExampleView(String paperId, double weight, Instant addedAt) {
    }

    /** The feed and stream URLs; they carry the unguessable feed token, so share them with care. */
    @Schema(name = "SubscriptionLinks")
    public record Links(String self, String atom, String rss, String jsonFeed, String stream, String deliveries,
            @Schema(description = "The e-mail delivery log") String emailDeliveries) {
    }

    /** The webhook; its secret is shown only in the answer that created it. */
    @Schema(name = "Webhook")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(String url,
            @Schema(description = "HMAC-SHA256 secret; present only when the webhook was just set") String secret) {
    }

    /** The e-mail of new papers and whether its address confirmed it. */
    @Schema(name = "Email")
    public record EmailView(String address,
            @Schema(enumeration = {
                    "immediate", "daily", "weekly"}) String frequency,
            @Schema(description = "pending: a confirmation link was mailed and nothing else is mailed until it is "
                    + "followed; confirmed; unsubscribed: the address asked for no more mail (setting it again "
                    + "mails a new confirmation link)", enumeration = {"pending", "confirmed",
                            "unsubscribed"}) String state){
    }
}
