package org.evwatch.gateway.streaming;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.evwatch.gateway.settings.GatewaySettings;
import org.jboss.logging.Logger;

/** Forgets announcements older than the streams' replay window, every few minutes. */
@ApplicationScoped
public class AnnouncementRetention {

    private static final Logger LOG = Logger.getLogger(AnnouncementRetention.class);

    private final Announcements announcements;
    private final GatewaySettings settings;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "announcement-retention");
        t.setDaemon(true);
        return t;
    });

    public AnnouncementRetention(Announcements announcements, GatewaySettings settings) {
        this.announcements = announcements;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        timer.scheduleWithFixedDelay(this::pruneSafely, 1, 5, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent event) {
        timer.shutdownNow();
    }

    void pruneSafely() {
        try {
            int gone = announcements.prune(Instant.now().minus(settings.streams().replayWindow()));
            if (gone > 0) {
                LOG.debugf("forgot %d announcements older than the replay window", gone);
            }
        } catch (RuntimeException e) {
            LOG.warn("pruning announcements failed; will try again", e);
        }
    }
}
