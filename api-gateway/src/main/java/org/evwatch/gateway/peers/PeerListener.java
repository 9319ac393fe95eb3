package org.evwatch.gateway.peers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.evwatch.gateway.matching.NewPapers;
import org.evwatch.gateway.streaming.Announcements;
import org.evwatch.gateway.subscriptions.Subscriptions;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens, on a connection of its own, to what the other gateway instances tell (see {@link PeerNotices}): the
 * announcements they took in go to this instance's live streams, read from the announcement table by number; a
 * change of subscriptions makes this instance reload them. With one instance it only hears itself, and ignores it.
 * If the connection is lost it reconnects, and hands on the announcements the others took in meanwhile.
 */
@ApplicationScoped
public class PeerListener {

    private static final Logger LOG = Logger.getLogger(PeerListener.class);
    private static final int PAGE = 1_000;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final PeerNotices notices;
    private final Announcements announcements;
    private final NewPapers papers;
    private final Subscriptions subscriptions;
    private final String url;
    private final String user;
    private final String password;
    private final Thread thread = new Thread(this::run, "gateway-peers");
    private volatile boolean running = true;
    /** The highest announcement number heard of: where a catch-up after a lost connection starts. */
    private volatile long lastHeard;
    /** What the last catch-up handed on. */
    private Set<Long> caughtUp = Set.of();

    public PeerListener(PeerNotices notices, Announcements announcements, NewPapers papers,
            Subscriptions subscriptions, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.notices = notices;
        this.announcements = announcements;
        this.papers = papers;
        this.subscriptions = subscriptions;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent started) {
        lastHeard = announcements.newest();
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
    }

    private void run() {
        long backoff = 500;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                listen(c);
                Set<Long> takenHere = notices.back();
                if (takenHere != null) {
                    caughtUp = catchUp(takenHere);
                    LOG.info("listening to the other gateway instances again");
                }
                backoff = 500;
                receive(c.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                notices.away();
                LOG.warnf("not listening to the other gateway instances (%s); again in %d ms", e, backoff);
                if (!pause(backoff)) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private static void listen(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("listen " + PeerNotices.ANNOUNCED);
            s.execute("listen " + PeerNotices.SUBSCRIPTIONS);
        }
    }

    private void receive(PGConnection pg) throws SQLException {
        while (running) {
            PGNotification[] received = pg.getNotifications(1_000);
            if (received != null) {
                for (PGNotification n : received) {
                    handle(n);
                }
            }
        }
    }

    private void handle(PGNotification n) {
        if (n.getName().equals(PeerNotices.SUBSCRIPTIONS)) {
            if (!n.getParameter().equals(notices.instance())) {
                subscriptions.reloadSoon();
            }
            return;
        }
        PeerNotices.Announced announced = PeerNotices.Announced.parse(n.getParameter());
        for (long seq : announced.seqs()) {
            lastHeard = Math.max(lastHeard, seq);
        }
        if (!announced.instance().equals(notices.instance()) && papers.liveStreamsOpen()) {
            long[] fresh = Arrays.stream(announced.seqs()).filter(seq -> !caughtUp.contains(seq)).toArray();
            papers.publishFromPeer(announcements.numbered(fresh));
        }
    }

    /**
     * Hands on what was announced after the last number heard, except what this instance took in itself; the numbers
     * handed on, which notices received meanwhile may name again.
     */
    private Set<Long> catchUp(Set<Long> takenHere) {
        subscriptions.reloadSoon();
        Set<Long> handedOn = new HashSet<>();
        List<Announcements.Stored> page;
        do {
            page = announcements.after(lastHeard, PAGE);
            if (!page.isEmpty()) {
                lastHeard = page.get(page.size() - 1).seq();
            }
            List<Announcements.Stored> others = page.stream().filter(s -> !takenHere.contains(s.seq())).toList();
            others.forEach(s -> handedOn.add(s.seq()));
            papers.publishFromPeer(others);
        } while (page.size() == PAGE);
        return handedOn;
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
