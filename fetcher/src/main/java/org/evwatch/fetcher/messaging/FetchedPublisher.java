package org.evwatch.fetcher.messaging;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.evwatch.events.PaperFetched;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Sends records to papers.fetched, keyed by the source record id, and reports when Kafka has them. */
@ApplicationScoped
public class FetchedPublisher {

    private final Emitter<PaperFetched> emitter;

    public FetchedPublisher(@Channel("papers-fetched") Emitter<PaperFetched> emitter) {
        this.emitter = emitter;
    }

    /** Completes when the broker has acknowledged the record, or fails with the reason it was refused. */
    public CompletableFuture<Void> send(PaperFetched record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        Message<PaperFetched> message = Message.of(record)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.sourceRecordId()).build())
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }

    /** Sends all and completes when every one is acknowledged. */
    public CompletableFuture<Void> sendAll(List<PaperFetched> records) {
        return CompletableFuture.allOf(records.stream().map(this::send).toArray(CompletableFuture[]::new));
    }
}
