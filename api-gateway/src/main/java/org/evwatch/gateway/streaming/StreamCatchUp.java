package org.evwatch.gateway.streaming;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.evwatch.events.PaperIndexed;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.MalformedEventException;
import org.evwatch.gateway.examples.ExampleSet;
import org.evwatch.gateway.matching.Percolator;
import org.evwatch.gateway.model.PaperEvent;
import org.evwatch.gateway.subscriptions.Subscriptions;
import org.jboss.logging.Logger;

/**
 * What a reconnecting stream missed: the stored announcements after its last event, matched against its query or
 * subscription as they were matched live, oldest first.
 */
@ApplicationScoped
public class StreamCatchUp {

    /** Receives one missed event; returns false to stop (the client went away). */
    @FunctionalInterface
    public interface Receiver {
        boolean accept(long seq, PaperEvent event);
    }

    private static final Logger LOG = Logger.getLogger(StreamCatchUp.class);
    private static final int PAGE = 500;

    private final Announcements announcements;
    private final Subscriptions subscriptions;
    private final Percolator percolator = new Percolator();

    public StreamCatchUp(Announcements announcements, Subscriptions subscriptions) {
        this.announcements = announcements;
        this.subscriptions = subscriptions;
    }

    /**
     * What a stream receives: the query it is matched with, the subscription named in its events, and, for a
     * subscription, the announcements of its last pause, which it never receives, and its example papers (null
     * for a query stream or a subscription without examples).
     */
    public record Target(Percolator.Compiled query, PaperEvent.SubscriptionRef subscription,
            Subscriptions.Replayed paused, ExampleSet examples) {
    }

    /** The target of a subscription's stream (empty once the subscription is gone) or of a query stream. */
    public Optional<Target> target(UUID subscriptionId, Percolator.Compiled query) {
        if (subscriptionId == null) {
            return Optional.of(new Target(query, null, null, null));
        }
        return subscriptions.replayed(subscriptionId).map(r -> new Target(r.subscription().query(),
                new PaperEvent.SubscriptionRef(r.subscription().id().toString(), r.subscription().name()), r,
                r.subscription().examples()));
    }

    /** The event of announcement {@code seq} for the target, or null when the target does not receive it. */
    public PaperEvent eventFor(Target target, long seq, PaperIndexed indexed) {
        if (target.paused() != null && target.paused().skips(seq)) {
            return null;
        }
        if (target.examples() != null && !target.examples().passes(ExampleSet.profile(indexed))) {
            return null;
        }
        return percolator.match(indexed, List.of(target.query())).isEmpty()
                ? null
                : PaperEvent.of(indexed, target.subscription());
    }

    /** Sends {@code receiver} every stored announcement after {@code after} that matches the target, oldest first. */
    public void replay(long after, Target target, Receiver receiver) {
        long seq = after;
        List<Announcements.Stored> page;
        do {
            page = announcements.after(seq, PAGE);
            for (Announcements.Stored stored : page) {
                seq = stored.seq();
                PaperIndexed indexed = decode(stored);
                PaperEvent event = indexed == null ? null : eventFor(target, seq, indexed);
                if (event != null && !receiver.accept(seq, event)) {
                    return;
                }
            }
        } while (page.size() == PAGE);
    }

    /** The paper an announcement holds; null, with a warning, if it cannot be read. */
    public static PaperIndexed decode(Announcements.Stored stored) {
        try {
            return EventJson.read(stored.payload(), PaperIndexed.class);
        } catch (MalformedEventException e) {
            // Stored only after it was read once; a newer gateway that cannot read it any more skips it.
            LOG.warnf("announcement %d cannot be read: %s", stored.seq(), e.getMessage());
            return null;
        }
    }
}
