package org.evwatch.gateway.peers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * What one gateway instance tells the others, through PostgreSQL's {@code NOTIFY}: the announcements it took in, so
 * that every instance's live streams get every paper (each instance consumes only some partitions of
 * {@code papers.indexed}), and that subscriptions changed, so that every instance matches new papers against the
 * new list at once. A notice is sent in the transaction that made the change and delivered only if it commits, in
 * commit order; {@link PeerListener} receives them.
 */
@ApplicationScoped
public class PeerNotices {

    static final String ANNOUNCED = "evwatch_announced";
    static final String SUBSCRIPTIONS = "evwatch_subscriptions";
    /** PostgreSQL refuses a payload of 8000 bytes or more; a notice of many numbers is sent in parts. */
    static final int MAX_PAYLOAD = 7_000;

    private final String instance = UUID.randomUUID().toString();
    private final EntityManager em;
    /** While the listener is away: the announcements taken in here, which it must not hand on again. */
    private volatile Set<Long> takenWhileAway;

    public PeerNotices(EntityManager em) {
        this.em = em;
    }

    /** This process's name in notices, so that it can tell its own from the others'. */
    public String instance() {
        return instance;
    }

    /** Tells the other instances, when the caller's transaction commits, that these announcements were taken in. */
    public void announced(List<Long> seqs) {
        Set<Long> away = takenWhileAway;
        if (away != null) {
            away.addAll(seqs);
        }
        if (!seqs.isEmpty()) {
            em.unwrap(Session.class).doWork(c -> {
                for (String part : payloads(instance, seqs)) {
                    notify(c, ANNOUNCED, part);
                }
            });
        }
    }

    /** From now until {@link #back()}, remembers the announcements taken in here. */
    synchronized void away() {
        if (takenWhileAway == null) {
            takenWhileAway = ConcurrentHashMap.newKeySet();
        }
    }

    /** The announcements taken in here while the listener was away, null if it was not; forgets them. */
    synchronized Set<Long> back() {
        Set<Long> away = takenWhileAway;
        takenWhileAway = null;
        return away;
    }

    /** Tells the other instances, when the caller's transaction commits, that the subscriptions changed. */
    public void subscriptionsChanged() {
        em.unwrap(Session.class).doWork(c -> notify(c, SUBSCRIPTIONS, instance));
    }

    private static void notify(Connection c, String channel, String payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_notify(?, ?)")) {
            s.setString(1, channel);
            s.setString(2, payload);
            s.execute();
        }
    }

    /** The payloads of an announcement notice: the instance, a space, the numbers, each under the size limit. */
    static List<String> payloads(String instance, List<Long> seqs) {
        List<String> out = new ArrayList<>();
        StringBuilder part = new StringBuilder(instance).append(' ');
        int empty = part.length();
        for (long seq : seqs) {
            String n = Long.toString(seq);
            if (part.length() > empty && part.length() + 1 + n.length() > MAX_PAYLOAD) {
                out.add(part.toString());
                part.setLength(empty);
            }
            if (part.length() > empty) {
                part.append(',');
            }
            part.append(n);
        }
        out.add(part.toString());
        return out;
    }

    /** The sender and numbers of an announcement notice's payload. */
    record Announced(String instance, long[] seqs) {

        static Announced parse(String payload) {
            int space = payload.indexOf(' ');
            String[] numbers = payload.substring(space + 1).split(",");
            long[] seqs = new long[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                seqs[i] = Long.parseLong(numbers[i]);
            }
            return new Announced(payload.substring(0, space), seqs);
        }
    }
}
