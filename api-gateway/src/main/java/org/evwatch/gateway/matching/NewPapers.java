package org.evwatch.gateway.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.consumer.Redelivery;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.gateway.model.PaperEvent;
import org.evwatch.indexer.api.PaperView;
import org.evwatch.gateway.model.PaperViews;
import org.evwatch.gateway.streaming.LiveStreams;
import org.evwatch.gateway.subscriptions.Subscriptions;
import org.evwatch.gateway.subscriptions.WebhookDispatcher;

/**
 * Consumes {@code papers.indexed}: each paper is matched once against every subscription and every open query
 * stream, then sent to the matching streams and queued for the matching webhooks. A record that is not a valid
 * event fails here and is parked on the gateway's dead-letter topic.
 */
@ApplicationScoped
public class NewPapers {

    private final Subscriptions subscriptions;
    private final LiveStreams streams;
    private final WebhookDispatcher webhooks;
    private final ObjectMapper json;
    private final NewPaperMatcher matcher = new NewPaperMatcher();
    private final Redelivery redelivery;
    private final RecentAnnouncements recent = new RecentAnnouncements(100_000);
    private final PaperIndexedDeserializer deserializer = new PaperIndexedDeserializer();

    public NewPapers(Subscriptions subscriptions, LiveStreams streams, WebhookDispatcher webhooks, ObjectMapper json,
            Redelivery redelivery) {
        this.redelivery = redelivery;
        this.subscriptions = subscriptions;
        this.streams = streams;
        this.webhooks = webhooks;
        this.json = json;
    }

    @Incoming("papers-indexed")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        PaperIndexed indexed = deserializer.decode(record);
        if (recent.handled(indexed.paperId(), indexed.version())) {
            return;
        }
        // While PostgreSQL (subscriptions, deliveries) is away, the record is retried and the partition waits.
        redelivery.call(() -> handle(indexed));
        recent.markHandled(indexed.paperId(), indexed.version());
    }

    /** Matches one paper and hands it on; returns the ids of the subscriptions it matched. */
    public Set<UUID> handle(PaperIndexed indexed) {
        List<Subscriptions.Active> active = subscriptions.active();
        List<Percolator.Compiled> live = streams.queries();
        Set<String> matched = matcher.match(indexed, active, live);
        if (matched.isEmpty()) {
            return Set.of();
        }
        PaperView view = PaperViews.fromIndexed(indexed);
        String event = indexed.change() == PaperIndexed.Change.CREATED ? "paper.created" : "paper.updated";
        Map<UUID, PaperEvent> perSubscription = new HashMap<>();
        for (Subscriptions.Active a : active) {
            if (matched.contains(a.id().toString())) {
                perSubscription.put(a.id(), new PaperEvent(event,
                        new PaperEvent.SubscriptionRef(a.id().toString(), a.name()), indexed.indexedAt(), view));
            }
        }
        // Streams first: they are in memory and cannot fail on the database.
        List<String> liveMatched = live.stream().map(Percolator.Compiled::id).filter(matched::contains).toList();
        streams.publish(liveMatched, perSubscription, new PaperEvent(event, null, indexed.indexedAt(), view));
        for (Subscriptions.Active a : active) {
            PaperEvent e = perSubscription.get(a.id());
            if (e != null && a.webhookUrl() != null) {
                webhooks.enqueue(a.id(), a.webhookUrl(), indexed.paperId(), indexed.version(), write(e));
            }
        }
        return perSubscription.keySet();
    }

    private String write(PaperEvent e) {
        try {
            return json.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a paper event is plain values", ex);
        }
    }
}
