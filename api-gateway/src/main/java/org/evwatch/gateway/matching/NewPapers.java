package org.evwatch.gateway.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.consumer.Redelivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.gateway.model.PaperEvent;
import org.evwatch.gateway.streaming.Announcements;
import org.evwatch.gateway.streaming.LiveStreams;
import org.evwatch.gateway.subscriptions.Subscriptions;
import org.evwatch.gateway.subscriptions.WebhookDispatcher;

/**
 * Consumes {@code papers.indexed}: each paper version is taken in once (the {@code announcement} table numbers it and
 * ignores a repeat, whatever the topic redelivers), matched once against every subscription and every open query
 * stream, queued for the matching webhooks in the same transaction, and sent to the matching streams after the
 * commit. A crash before the commit leaves the record to be redelivered; after it, streams that were open reconnect
 * and catch up from the table, and the webhook poller sends what was not yet attempted. A record that is not a valid
 * event fails here and is parked on the gateway's dead-letter topic.
 */
@ApplicationScoped
public class NewPapers {

    /** What taking a paper in decided: its number, the events to stream, and the webhook deliveries to attempt. */
    private record Taken(long seq, List<String> liveMatched, Map<UUID, PaperEvent> perSubscription,
            PaperEvent queryEvent, List<UUID> deliveries) {
    }

    private final Subscriptions subscriptions;
    private final LiveStreams streams;
    private final WebhookDispatcher webhooks;
    private final Announcements announcements;
    private final ObjectMapper json;
    private final NewPaperMatcher matcher = new NewPaperMatcher();
    private final Redelivery redelivery;
    private final PaperIndexedDeserializer deserializer = new PaperIndexedDeserializer();

    public NewPapers(Subscriptions subscriptions, LiveStreams streams, WebhookDispatcher webhooks,
            Announcements announcements, ObjectMapper json, Redelivery redelivery) {
        this.redelivery = redelivery;
        this.subscriptions = subscriptions;
        this.streams = streams;
        this.webhooks = webhooks;
        this.announcements = announcements;
        this.json = json;
    }

    @Incoming("papers-indexed")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        PaperIndexed indexed = deserializer.decode(record);
        // While PostgreSQL (announcements, subscriptions, deliveries) is away, the record is retried and the
        // partition waits.
        redelivery.call(() -> handle(indexed, record.value()));
    }

    /** Takes one paper version in and hands it on; returns the ids of the subscriptions it matched. */
    public Set<UUID> handle(PaperIndexed indexed, byte[] payload) {
        // A repeat conflicts on the announcement table's key and is dropped before any matching.
        Taken taken = QuarkusTransaction.requiringNew().call(() -> take(indexed, payload));
        if (taken == null) {
            return Set.of();
        }
        streams.publish(taken.seq(), indexed, taken.liveMatched(), taken.perSubscription(), taken.queryEvent());
        webhooks.attemptSoon(taken.deliveries());
        return taken.perSubscription().keySet();
    }

    /** In one transaction: numbers the paper version and stores its webhook deliveries; null if it was known. */
    private Taken take(PaperIndexed indexed, byte[] payload) {
        OptionalLong seq = announcements.record(indexed.paperId(), indexed.version(), payload, Instant.now());
        if (seq.isEmpty()) {
            return null;
        }
        List<Subscriptions.Active> active = subscriptions.active();
        List<Percolator.Compiled> live = streams.queries();
        NewPaperMatcher.Matched matched = matcher.match(indexed, active, live);
        Map<UUID, PaperEvent> perSubscription = new HashMap<>();
        List<UUID> deliveries = new ArrayList<>();
        for (Subscriptions.Active a : matched.subscriptions()) {
            PaperEvent e = PaperEvent.of(indexed, new PaperEvent.SubscriptionRef(a.id().toString(), a.name()));
            perSubscription.put(a.id(), e);
            if (a.webhookUrl() != null) {
                webhooks.store(a.id(), a.webhookUrl(), indexed.paperId(), indexed.version(), write(e))
                        .ifPresent(deliveries::add);
            }
        }
        List<String> liveMatched = live.stream().map(Percolator.Compiled::id).filter(matched::contains).toList();
        PaperEvent queryEvent = liveMatched.isEmpty() ? null : PaperEvent.of(indexed, null);
        return new Taken(seq.getAsLong(), liveMatched, perSubscription, queryEvent, deliveries);
    }

    private String write(PaperEvent e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a paper event is plain values", ex);
        }
    }
}
