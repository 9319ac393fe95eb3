package org.evwatch.gateway.subscriptions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook delivery and every attempt made for it. */
@Schema(name = "Delivery")
public record DeliveryView(UUID id, String paperId, long paperVersion, String url,
        @Schema(enumeration = {
                "PENDING", "DELIVERED", "FAILED"}) String state,
        int attempts,
        @Schema(description = "When the next retry is due; null unless PENDING") Instant nextAttemptAt,
        Instant createdAt, List<AttemptView> attemptLog){

    /** One HTTP attempt. */
    @Schema(name = "DeliveryAttempt")
    public record AttemptView(int attempt, Instant startedAt, long durationMs,
            @Schema(description = "HTTP status; null when no answer was received") Integer statusCode,
            String error, @Schema(enumeration = {
                    "DELIVERED", "RETRY", "FAILED"}) String outcome){
    }
}
