package org.evwatch.gateway.streaming;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.evwatch.events.PaperIndexed;
import org.evwatch.gateway.matching.Percolator;
import org.evwatch.gateway.model.PaperEvent;
import org.evwatch.gateway.model.PaperEventText;
import org.evwatch.gateway.settings.GatewaySettings;
import org.evwatch.gateway.subscriptions.DeliveryMetrics;
import org.jboss.logging.Logger;

/**
 * The open server-sent event streams. A stream either follows a saved subscription or carries its own query
 * ({@code /api/v1/stream?q=}); new papers are matched once for all of them. Each event's id is the announcement's
 * number: a client that reconnects with {@code Last-Event-ID} is first sent the matching papers it missed (see
 * {@link StreamCatchUp}), then the live ones, each once and in order. A comment line every 15 s keeps proxies from
 * closing idle streams and reveals clients that went away.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);
    /** Live events held for one stream while it catches up; past this the stream is closed, to resume later. */
    private static final int MAX_HELD = 10_000;

    /** An announcement that came while its stream was catching up; matched when the catch-up is done. */
    private record Held(long seq, PaperIndexed indexed) {
    }

    /** One open stream: for a subscription ({@code subscriptionId}) or for a query of its own. */
    private static final class Listener {
        final String id;
        final UUID subscriptionId;
        final Percolator.Compiled query;
        final SseEventSink sink;
        final Sse sse;
        /** The highest number sent, or the one the stream resumes after. */
        long lastSent;
        /** Live events that came while the stream catches up; null once it is live. */
        List<Held> held;
        /** The numbers the catch-up sent, which held events may repeat; null once it is live. */
        Set<Long> replayed;

        Listener(String id, UUID subscriptionId, Percolator.Compiled query, SseEventSink sink, Sse sse) {
            this.id = id;
            this.subscriptionId = subscriptionId;
            this.query = query;
            this.sink = sink;
            this.sse = sse;
        }
    }

    private final ConcurrentHashMap<String, Listener> listeners = new ConcurrentHashMap<>();
    private final StreamCatchUp catchUp;
    private final int maxOpen;
    private final ExecutorService catchUps = Executors.newFixedThreadPool(2, r -> daemon(r, "sse-catch-up"));
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "sse-heartbeat"));

    private final DeliveryMetrics metrics;

    private final ObjectMapper json;

    public LiveStreams(StreamCatchUp catchUp, GatewaySettings settings, DeliveryMetrics metrics, ObjectMapper json) {
        this.json = json;
        this.catchUp = catchUp;
        this.maxOpen = settings.streams().maxOpen();
        this.metrics = metrics;
        heartbeat.scheduleAtFixedRate(this::keepAlive, 15, 15, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        catchUps.shutdownNow();
        listeners.values().forEach(l -> l.sink.close());
    }

    /** Opens a stream of a saved subscription's matches, resuming after {@code lastEventId} when given. */
    public boolean openForSubscription(UUID subscriptionId, SseEventSink sink, Sse sse, OptionalLong lastEventId) {
        return open(new Listener("s-" + UUID.randomUUID(), subscriptionId, null, sink, sse), lastEventId);
    }

    /** Opens a stream of a query's matches, resuming after {@code lastEventId} when given. */
    public boolean openForQuery(Percolator.Compiled query, SseEventSink sink, Sse sse, OptionalLong lastEventId) {
        String id = "q-" + UUID.randomUUID();
        return open(new Listener(id, null, new Percolator.Compiled(id, query.query()), sink, sse), lastEventId);
    }

    private boolean open(Listener l, OptionalLong lastEventId) {
        if (listeners.size() >= maxOpen) {
            return false;
        }
        if (lastEventId.isPresent()) {
            l.lastSent = lastEventId.getAsLong();
            l.held = new ArrayList<>();
            l.replayed = new HashSet<>();
        }
        listeners.put(l.id, l);
        // The first comment flushes the headers, so the client knows the stream is open.
        send(l, l.sse.newEventBuilder().comment("connected").build());
        if (l.held != null) {
            catchUps.submit(() -> catchUpSafely(l));
        }
        return true;
    }

    private void catchUpSafely(Listener l) {
        try {
            Optional<StreamCatchUp.Target> target = catchUp.target(l.subscriptionId, l.query);
            if (target.isEmpty()) {
                close(l);
                return;
            }
            catchUp.replay(l.lastSent, target.get(), (seq, event) -> {
                synchronized (l) {
                    l.replayed.add(seq);
                    sendPaper(l, seq, event);
                }
                return !l.sink.isClosed();
            });
            synchronized (l) {
                for (Held h : l.held) {
                    PaperEvent event = l.replayed.contains(h.seq())
                            ? null
                            : catchUp.eventFor(target.get(), h.seq(), h.indexed());
                    if (event != null) {
                        sendPaper(l, h.seq(), event);
                    }
                }
                l.held = null;
                l.replayed = null;
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "stream %s could not catch up after event %d; closed, the client may reconnect", l.id,
                    l.lastSent);
            close(l);
        }
    }

    /** The queries of the open query streams, to be matched together with the subscriptions. */
    public List<Percolator.Compiled> queries() {
        List<Percolator.Compiled> out = new ArrayList<>();
        for (Listener l : listeners.values()) {
            if (l.query != null) {
                out.add(l.query);
            }
        }
        return out;
    }

    /** The subscriptions some open stream follows. */
    public Set<UUID> followed() {
        Set<UUID> out = new HashSet<>();
        for (Listener l : listeners.values()) {
            if (l.subscriptionId != null) {
                out.add(l.subscriptionId);
            }
        }
        return out;
    }

    /**
     * Sends announcement {@code seq} to the streams it matched. Streams still catching up hold it, and match it when
     * they are done: they were not among the queries it was matched against.
     *
     * @param indexed the announced paper
     * @param matchedQueryIds ids of query streams (from {@link #queries()}) the paper matched
     * @param subscriptionEvents per subscription id it matched, the event to send to that subscription's streams
     * @param queryEvent the event for query streams
     */
    public void publish(long seq, PaperIndexed indexed, Collection<String> matchedQueryIds,
            Map<UUID, PaperEventText> subscriptionEvents, PaperEventText queryEvent) {
        Set<String> queryIds = Set.copyOf(matchedQueryIds);
        for (Listener l : listeners.values()) {
            synchronized (l) {
                if (l.held != null) {
                    hold(l, seq, indexed);
                    continue;
                }
                PaperEventText event = l.subscriptionId != null
                        ? subscriptionEvents.get(l.subscriptionId)
                        : queryIds.contains(l.id) ? queryEvent : null;
                if (event != null) {
                    sendPaper(l, seq, event);
                }
            }
        }
    }

    private void hold(Listener l, long seq, PaperIndexed indexed) {
        if (l.held.size() < MAX_HELD) {
            l.held.add(new Held(seq, indexed));
        } else {
            LOG.warnf("stream %s fell %d events behind while catching up; closed, the client may reconnect", l.id,
                    MAX_HELD);
            close(l);
        }
    }

    /** Sends a paper event unless an event numbered as high was sent already. Called holding the listener's lock. */
    /**
     * Sends one paper event. Numbers rise on a stream fed by one gateway instance; with several, each numbering the
     * papers it takes in, an event may come after one with a higher number, and is sent all the same.
     */
    private void sendPaper(Listener l, long seq, PaperEvent event) {
        sendPaper(l, seq, new PaperEventText(event));
    }

    /**
     * Sends one paper event as its JSON text, written once for every stream and webhook that sends it. Plain text is
     * written out unchanged, and an event's data carries no media type on the wire.
     */
    private void sendPaper(Listener l, long seq, PaperEventText event) {
        l.lastSent = Math.max(l.lastSent, seq);
        sendCounted(l, l.sse.newEventBuilder()
                .name("paper")
                .id(Long.toString(seq))
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(String.class, event.json(json))
                .build());
    }

    public int open() {
        return listeners.size();
    }

    private void keepAlive() {
        for (Listener l : listeners.values()) {
            send(l, l.sse.newEventBuilder().comment("keep-alive").build());
        }
    }

    private void send(Listener l, OutboundSseEvent event) {
        send(l, event, false);
    }

    /** Sends a paper event, counted as a delivery by live stream. */
    private void sendCounted(Listener l, OutboundSseEvent event) {
        send(l, event, true);
    }

    private void send(Listener l, OutboundSseEvent event, boolean paper) {
        if (l.sink.isClosed()) {
            listeners.remove(l.id);
            if (paper) {
                metrics.sse(false);
            }
            return;
        }
        synchronized (l) {
            l.sink.send(event).whenComplete((ok, error) -> {
                if (paper) {
                    metrics.sse(error == null);
                }
                if (error != null) {
                    LOG.debugf("stream %s closed: %s", l.id, error.getMessage());
                    close(l);
                }
            });
        }
    }

    private void close(Listener l) {
        listeners.remove(l.id);
        l.sink.close();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
