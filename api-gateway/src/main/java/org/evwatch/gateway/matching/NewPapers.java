package org.evwatch.gateway.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Topics;
import org.evwatch.events.consumer.BatchRecords;
import org.evwatch.events.consumer.BatchRecords.Rejected;
import org.evwatch.events.consumer.Redelivery;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.TraceStep;
import org.evwatch.gateway.mail.MailOutbox;
import org.evwatch.gateway.model.PaperEvent;
import org.evwatch.gateway.model.PaperEventText;
import org.evwatch.gateway.streaming.Announcements;
import org.evwatch.gateway.streaming.LiveStreams;
import org.evwatch.gateway.streaming.StreamCatchUp;
import org.evwatch.gateway.peers.PeerNotices;
import org.evwatch.gateway.subscriptions.Subscriptions;
import org.evwatch.gateway.subscriptions.WebhookDispatcher;
import org.jboss.logging.Logger;

/**
 * Consumes {@code papers.indexed}, a polled batch at a time: each paper version is taken in once (the
 * {@code announcement} table numbers it and ignores a repeat, whatever the topic redelivers), matched once against
 * every subscription and every open query stream, and queued for the matching webhooks and e-mail addresses, the
 * whole batch in one transaction; after the commit its papers go to the matching streams and its deliveries to the
 * webhook senders. A crash before the commit leaves the batch to be redelivered; after it, streams that were open
 * reconnect and catch up from the table, and the webhook poller sends what was not yet attempted. A record that is
 * not a valid event, or that fails on its own when its batch is taken in again one record at a time, is parked on the
 * gateway's dead-letter topic, and the rest of its batch goes on.
 * <p>
 * Each record is a step of its paper's trace, and its delivery to live streams a step after it.
 */
@ApplicationScoped
public class NewPapers {

    /** What taking a paper in decided: its number, the events to stream, and the webhook deliveries to attempt. */
    private record Taken(long seq, List<String> liveMatched, Map<UUID, PaperEventText> perSubscription,
            PaperEventText queryEvent, List<UUID> deliveries) {
    }

    /**
     * Where a paper goes: the subscriptions it matched, their events, the query streams it matched and theirs. Each
     * event is written as JSON once, when first sent, for its webhook and its live streams alike.
     */
    private record Routed(List<Subscriptions.Active> subscriptions, Map<UUID, PaperEventText> perSubscription,
            List<String> liveMatched, PaperEventText queryEvent) {
    }

    /** A record of the batch, the event it holds, and its step of the paper's trace. */
    private record Decoded(KafkaRecord<String, byte[]> record, PaperIndexed indexed, byte[] payload, TraceStep step) {
    }

    private static final Logger LOG = Logger.getLogger(NewPapers.class);

    private final Subscriptions subscriptions;
    private final LiveStreams streams;
    private final WebhookDispatcher webhooks;
    private final Announcements announcements;
    private final MailOutbox mail;
    private final ObjectMapper json;
    private final NewPaperMatcher matcher = new NewPaperMatcher();
    private final Redelivery redelivery;
    private final PaperIndexedDeserializer deserializer = new PaperIndexedDeserializer();
    private final PipelineMetrics metrics;
    private final PipelineTracing tracing;
    private final PeerNotices peers;

    public NewPapers(Subscriptions subscriptions, LiveStreams streams, WebhookDispatcher webhooks,
            Announcements announcements, MailOutbox mail, ObjectMapper json, Redelivery redelivery,
            PipelineMetrics metrics, PipelineTracing tracing, PeerNotices peers) {
        this.peers = peers;
        this.metrics = metrics;
        this.tracing = tracing;
        this.mail = mail;
        this.redelivery = redelivery;
        this.subscriptions = subscriptions;
        this.streams = streams;
        this.webhooks = webhooks;
        this.announcements = announcements;
        this.json = json;
    }

    @Incoming("papers-indexed")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        metrics.recordsIn(Topics.PAPERS_INDEXED, batch.getRecords().size());
        List<Rejected> rejected = new ArrayList<>();
        List<Decoded> decoded = decode(batch.getRecords(), rejected);
        try {
            rejected.addAll(takeAll(decoded));
        } catch (RuntimeException e) {
            // Only a stop ends the retries: the failure strategy leaves every record uncommitted.
            LOG.warnf("batch of %d papers.indexed records not finished: %s", decoded.size(), e.toString());
            decoded.forEach(d -> d.step().fail(e));
            return batch.nack(e);
        } finally {
            decoded.forEach(d -> d.step().close());
        }
        return BatchRecords.deadLetter(rejected).thenCompose(parked -> batch.ack());
    }

    private List<Decoded> decode(List<KafkaRecord<String, byte[]>> records, List<Rejected> rejected) {
        List<Decoded> decoded = new ArrayList<>(records.size());
        for (KafkaRecord<String, byte[]> r : records) {
            try {
                PaperIndexed indexed = deserializer.decode(BatchRecords.consumerRecord(r));
                TraceStep step = tracing.receive(Topics.PAPERS_INDEXED, tracing.enabled()
                        ? PipelineTracing.traceparent(r.getHeaders())
                        : null, PipelineTracing.PAPER_ID, indexed.paperId());
                decoded.add(new Decoded(r, indexed, r.getPayload(), step));
            } catch (RuntimeException e) {
                rejected.add(new Rejected(r, e));
            }
        }
        return decoded;
    }

    /**
     * Takes a batch in, in one transaction (a repeat conflicts on the announcement table's key and is dropped before
     * any matching), and hands it on after the commit. While PostgreSQL is away the batch is retried and its
     * partitions wait. If the batch fails otherwise, its records are taken one at a time and those that fail on their
     * own are returned, for the dead-letter topic.
     */
    private List<Rejected> takeAll(List<Decoded> decoded) {
        if (decoded.isEmpty()) {
            return List.of();
        }
        try {
            List<Taken> taken = redelivery.call(Topics.PAPERS_INDEXED, () -> QuarkusTransaction.requiringNew()
                    .call(() -> takeAndTell(decoded)));
            handOn(decoded, taken);
            return List.of();
        } catch (RuntimeException e) {
            if (redelivery.stopping()) {
                throw e;
            }
            if (decoded.size() == 1) {
                return List.of(new Rejected(decoded.get(0).record(), e));
            }
            List<Rejected> rejected = new ArrayList<>();
            for (Decoded d : decoded) {
                rejected.addAll(takeAll(List.of(d)));
            }
            return rejected;
        }
    }

    /** Takes each paper in, and tells the other gateway instances the numbers given (when this commits). */
    private List<Taken> takeAndTell(List<Decoded> decoded) {
        List<Taken> taken = new ArrayList<>(decoded.size());
        List<Long> seqs = new ArrayList<>(decoded.size());
        for (Decoded d : decoded) {
            Taken t = take(d.indexed(), d.payload(), d.step().traceparent());
            taken.add(t);
            if (t != null) {
                seqs.add(t.seq());
            }
        }
        peers.announced(seqs);
        return taken;
    }

    /** Whether a live stream is open here: without one, what other instances took in needs no reading. */
    public boolean liveStreamsOpen() {
        return streams.open() > 0;
    }

    /**
     * Announcements another gateway instance took in: each to the streams open here that it matches (the other
     * instance queued its webhook and e-mail deliveries).
     */
    public void publishFromPeer(List<Announcements.Stored> stored) {
        if (stored.isEmpty() || streams.open() == 0) {
            return;
        }
        Set<UUID> following = streams.followed();
        for (Announcements.Stored s : stored) {
            PaperIndexed indexed = StreamCatchUp.decode(s);
            if (indexed != null) {
                Routed r = route(indexed, subscriptions.active(), streams.queries());
                Map<UUID, PaperEventText> followed = new HashMap<>(r.perSubscription());
                followed.keySet().retainAll(following);
                streams.publish(s.seq(), indexed, r.liveMatched(), followed, r.queryEvent());
            }
        }
    }

    /** After the commit: each new paper version to its matching streams, its webhook deliveries to the senders. */
    private void handOn(List<Decoded> decoded, List<Taken> taken) {
        List<UUID> deliveries = new ArrayList<>();
        for (int i = 0; i < decoded.size(); i++) {
            Taken t = taken.get(i);
            if (t != null) {
                Decoded d = decoded.get(i);
                try (TraceStep delivery = t.liveMatched().isEmpty() && t.perSubscription().isEmpty()
                        ? TraceStep.NONE
                        : tracing.deliver("sse", d.step().traceparent(), d.indexed().paperId())) {
                    streams.publish(t.seq(), d.indexed(), t.liveMatched(), t.perSubscription(), t.queryEvent());
                }
                deliveries.addAll(t.deliveries());
            }
        }
        webhooks.attemptSoon(deliveries);
    }

    /**
     * In one transaction: numbers the paper version and stores its webhook and e-mail deliveries; null if it was
     * known.
     */
    private Taken take(PaperIndexed indexed, byte[] payload, String traceparent) {
        OptionalLong seq = announcements.record(indexed.paperId(), indexed.version(), payload, Instant.now());
        if (seq.isEmpty()) {
            return null;
        }
        Routed r = route(indexed, subscriptions.active(), streams.queries());
        List<UUID> deliveries = new ArrayList<>();
        for (Subscriptions.Active a : r.subscriptions()) {
            if (a.webhookUrl() != null) {
                webhooks.store(a.id(), a.webhookUrl(), indexed.paperId(), indexed.version(),
                        r.perSubscription().get(a.id()).json(json), traceparent).ifPresent(deliveries::add);
            }
        }
        mail.queuePapers(indexed, r.perSubscription().keySet(), traceparent);
        return new Taken(seq.getAsLong(), r.liveMatched(), r.perSubscription(), r.queryEvent(), deliveries);
    }

    /** Where a paper goes: the subscriptions and open query streams it matches, with the event for each. */
    private Routed route(PaperIndexed indexed, List<Subscriptions.Active> active, List<Percolator.Compiled> live) {
        NewPaperMatcher.Matched matched;
        List<Subscriptions.Active> subscribed;
        synchronized (matcher) {
            // The matched subscriptions are read in place from the index: copied before another paper is matched.
            matched = matcher.match(indexed, active, live);
            subscribed = List.copyOf(matched.subscriptions());
        }
        Map<UUID, PaperEventText> perSubscription = new HashMap<>();
        for (Subscriptions.Active a : subscribed) {
            perSubscription.put(a.id(), new PaperEventText(PaperEvent.of(indexed,
                    new PaperEvent.SubscriptionRef(a.id().toString(), a.name()))));
        }
        List<String> liveMatched = live.stream().map(Percolator.Compiled::id).filter(matched::contains).toList();
        PaperEventText queryEvent = liveMatched.isEmpty() ? null : new PaperEventText(PaperEvent.of(indexed, null));
        return new Routed(subscribed, perSubscription, liveMatched, queryEvent);
    }
}
