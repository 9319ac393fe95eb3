package org.evwatch.gateway.mail;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An e-mail delivery of a subscription and every attempt made to send it. */
@Schema(name = "EmailDelivery")
public record EmailDeliveryView(String id,
        @Schema(description = "CONFIRMATION: the mail asking the address to confirm; PAPER: one paper", enumeration = {
                "CONFIRMATION", "PAPER"}) String kind,
        String address,
        @Schema(description = "The paper; null for a confirmation") String paperId,
        @Schema(description = "The paper version matched; null for a confirmation") Long paperVersion,
        @Schema(description = "CANCELLED: not sent, because the address unsubscribed or the subscription stopped "
                + "mailing it before it was due", enumeration = {"PENDING", "SENT", "FAILED",
                        "CANCELLED"}) String state,
        int attempts,
        @Schema(description = "When it is due: at once, or at the digest time of the subscription's frequency") Instant dueAt,
        @Schema(description = "When the next attempt is due; null unless PENDING") Instant nextAttemptAt,
        @Schema(description = "When the SMTP server accepted it; null unless SENT") Instant sentAt,
        Instant createdAt, List<AttemptView> attemptLog){

    /** One SMTP attempt (every delivery of one mail shares it). */
    @Schema(name = "EmailAttempt")
    public record AttemptView(int attempt, Instant startedAt, long durationMs,
            @Schema(description = "Why the attempt failed; null when it was sent") String error,
            @Schema(enumeration = {
                    "SENT", "RETRY", "FAILED"}) String outcome){
    }
}
