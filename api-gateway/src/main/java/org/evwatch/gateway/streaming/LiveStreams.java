package org.evwatch.gateway.streaming;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.evwatch.gateway.matching.Percolator;
import org.evwatch.gateway.model.PaperEvent;
import org.jboss.logging.Logger;

/**
 * The open server-sent event streams. A stream either follows a saved subscription or carries its own query
 * ({@code /api/v1/stream?q=}); new papers are matched once for all of them. A comment line every 15 s keeps proxies
 * from closing idle streams and reveals clients that went away.
 */
@ApplicationScoped
public class LiveStreams {

    private static final Logger LOG = Logger.getLogger(LiveStreams.class);
    private static final int MAX_STREAMS = 1000;

    /** One open stream: for a subscription ({@code subscriptionId}) or for a query of its own. */
    private record Listener(String id, UUID subscriptionId, Percolator.Compiled query, SseEventSink sink, Sse sse) {
    }

    private final ConcurrentHashMap<String, Listener> listeners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sse-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public LiveStreams() {
        heartbeat.scheduleAtFixedRate(this::keepAlive, 15, 15, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
        listeners.values().forEach(l -> l.sink().close());
    }

    /** Opens a stream of a saved subscription's matches. */
    public boolean openForSubscription(UUID subscriptionId, SseEventSink sink, Sse sse) {
        return open(new Listener("s-" + UUID.randomUUID(), subscriptionId, null, sink, sse));
    }

    /** Opens a stream of a query's matches. */
    public boolean openForQuery(Percolator.Compiled query, SseEventSink sink, Sse sse) {
        String id = "q-" + UUID.randomUUID();
        return open(new Listener(id, null, new Percolator.Compiled(id, query.query()), sink, sse));
    }

    private boolean open(Listener l) {
        if (listeners.size() >= MAX_STREAMS) {
            return false;
        }
        listeners.put(l.id(), l);
        // The first comment flushes the headers, so the client knows the stream is open.
        send(l, l.sse().newEventBuilder().comment("connected").build());
        return true;
    }

    /** The queries of the open query streams, to be matched together with the subscriptions. */
    public List<Percolator.Compiled> queries() {
        List<Percolator.Compiled> out = new ArrayList<>();
        for (Listener l : listeners.values()) {
            if (l.query() != null) {
                out.add(l.query());
            }
        }
        return out;
    }

    /** Whether some stream follows this subscription. */
    public boolean follows(UUID subscriptionId) {
        return listeners.values().stream().anyMatch(l -> subscriptionId.equals(l.subscriptionId()));
    }

    /**
     * Sends a paper to the streams it matched.
     *
     * @param matchedQueryIds ids of query streams (from {@link #queries()}) the paper matched
     * @param subscriptionEvents per subscription id it matched, the event to send to that subscription's streams
     * @param queryEvent the event for query streams
     */
    public void publish(Collection<String> matchedQueryIds, java.util.Map<UUID, PaperEvent> subscriptionEvents,
            PaperEvent queryEvent) {
        Set<String> queryIds = Set.copyOf(matchedQueryIds);
        for (Listener l : listeners.values()) {
            PaperEvent event = l.subscriptionId() != null
                    ? subscriptionEvents.get(l.subscriptionId())
                    : queryIds.contains(l.id()) ? queryEvent : null;
            if (event != null) {
                send(l, l.sse().newEventBuilder()
                        .name("paper")
                        .id(event.paper().id() + "@" + event.paper().version())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(PaperEvent.class, event)
                        .build());
            }
        }
    }

    public int open() {
        return listeners.size();
    }

    private void keepAlive() {
        for (Listener l : listeners.values()) {
            send(l, l.sse().newEventBuilder().comment("keep-alive").build());
        }
    }

    private void send(Listener l, OutboundSseEvent event) {
        if (l.sink().isClosed()) {
            listeners.remove(l.id());
            return;
        }
        synchronized (l) {
            l.sink().send(event).whenComplete((ok, error) -> {
                if (error != null) {
                    LOG.debugf("stream %s closed: %s", l.id(), error.getMessage());
                    listeners.remove(l.id());
                    l.sink().close();
                }
            });
        }
    }
}
