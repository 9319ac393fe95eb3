package org.evwatch.gateway.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.events.tracing.TraceStep;
import org.evwatch.gateway.scheduling.Poller;
import org.evwatch.gateway.settings.GatewaySettings;
import org.evwatch.gateway.subscriptions.DeliveryMetrics;
import org.evwatch.gateway.webhook.RetrySchedule;
import org.jboss.logging.Logger;

/**
 * Sends the mail of the {@link MailOutbox}: a poller claims due deliveries (at once after a transaction that stored
 * mail commits, and every poll interval for digests and retries), sends each confirmation alone and the papers of one
 * address and subscription together (up to {@code max-papers-per-mail} a mail), and records every attempt. A failed
 * attempt is retried on the backoff schedule; a delivery claimed by a gateway that stops before recording it is
 * claimed again when its claim runs out, so nothing is lost (though a mail accepted by the SMTP server just before
 * such a stop is sent again). Each attempt at a paper's mail is a step of that paper's trace, when it is traced.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    private static final int BATCH = 200;
    /** How long a claimed delivery stays invisible to other senders while its mail is sent. */
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final int MAX_ERROR = 500;

    private final MailOutbox outbox;
    private final MailComposer composer;
    private final MailTransport transport;
    private final GatewaySettings.Mail settings;
    private final RetrySchedule retries;
    private final DeliveryMetrics metrics;
    private final PipelineTracing tracing;
    private final Clock clock = Clock.systemUTC();
    private final Poller poller = new Poller("mail-send", this::pollSafely);

    public MailSender(MailOutbox outbox, MailComposer composer, MailTransport transport, GatewaySettings settings,
            DeliveryMetrics metrics, PipelineTracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.outbox = outbox;
        this.composer = composer;
        this.transport = transport;
        this.settings = settings.mail();
        this.retries = RetrySchedule.of(settings.mail());
    }

    void start(@Observes StartupEvent event) {
        poller.start(settings.pollInterval());
    }

    /** Stops before the datasource closes, so no poll runs against a closed database during shutdown. */
    void stop(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        poller.stop();
    }

    /** Mail was stored and committed: send what is due now rather than at the next poll. */
    void queued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailOutbox.Queued event) {
        poller.now();
    }

    private void pollSafely() {
        try {
            List<UUID> due;
            do {
                Instant now = clock.instant();
                due = outbox.claimDue(now, now.plus(CLAIM), BATCH);
                send(outbox.claimed(due));
            } while (due.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.warn("mail poll failed; will try again", e);
        }
    }

    private void send(List<MailOutbox.Claimed> claimed) {
        List<UUID> orphans = new ArrayList<>();
        Map<String, List<MailOutbox.Claimed>> papers = new LinkedHashMap<>();
        for (MailOutbox.Claimed c : claimed) {
            if (c.subscriptionId() == null) {
                orphans.add(c.id());
            } else if (c.kind() == EmailDelivery.Kind.CONFIRMATION) {
                attempt(List.of(c), composer.confirmation(c));
            } else {
                papers.computeIfAbsent(c.address() + " " + c.subscriptionId(), k -> new ArrayList<>()).add(c);
            }
        }
        outbox.cancel(orphans);
        int max = Math.max(1, settings.maxPapersPerMail());
        for (List<MailOutbox.Claimed> group : papers.values()) {
            for (int i = 0; i < group.size(); i += max) {
                List<MailOutbox.Claimed> mail = group.subList(i, Math.min(group.size(), i + max));
                attempt(mail, composer.papers(mail));
            }
        }
    }

    /**
     * One attempt at a mail; for each paper it carries, a step of that paper's trace when the paper is traced. A
     * failure is logged once for each delivery the mail carried, in the paper's logging context.
     */
    private void attempt(List<MailOutbox.Claimed> deliveries, Letter letter) {
        List<TraceStep> steps = deliveries.stream().map(this::traceStep).toList();
        RuntimeException failure = null;
        Map<UUID, EmailAttempt.Outcome> outcomes = Map.of();
        try {
            Instant started = clock.instant();
            try {
                transport.send(letter);
            } catch (RuntimeException e) {
                failure = e;
            }
            String error = failure == null ? null : describe(failure);
            metrics.email(deliveries.size(), error == null);
            outcomes = outbox.record(deliveries.stream().map(MailOutbox.Claimed::id).toList(), started,
                    Duration.between(started, clock.instant()), error,
                    next -> retries.delayBefore(next, ThreadLocalRandom.current()::nextDouble));
        } finally {
            for (int i = 0; i < steps.size(); i++) {
                MailOutbox.Claimed delivery = deliveries.get(i);
                settle(delivery, steps.get(i), outcomes.get(delivery.id()), failure, letter);
            }
        }
    }

    private TraceStep traceStep(MailOutbox.Claimed delivery) {
        if (delivery.traceparent() == null) {
            return TraceStep.NONE;
        }
        TraceStep step = tracing.deliver("email", delivery.traceparent(), delivery.paperId());
        step.attribute(PipelineTracing.SUBSCRIPTION_ID, String.valueOf(delivery.subscriptionId()));
        step.attribute(PipelineTracing.ATTEMPT, String.valueOf(delivery.attempts() + 1));
        return step;
    }

    /** Ends a delivery's step with its outcome (none when the attempt could not be recorded); logs a failure. */
    private static void settle(MailOutbox.Claimed delivery, TraceStep step, EmailAttempt.Outcome outcome,
            RuntimeException failure, Letter letter) {
        String settled = outcome == null ? null : outcome.name().toLowerCase(Locale.ROOT);
        try {
            step.attribute(PipelineTracing.OUTCOME, settled);
            if (failure != null) {
                step.fail(failure);
                if (delivery.paperId() != null) {
                    RecordLog.enterPaper(delivery.paperId(), step);
                }
                LOG.warnf("mail to %s failed, attempt %d, %s: %s", letter.to(), delivery.attempts() + 1,
                        settled == null ? "not recorded" : settled, describe(failure));
            }
        } finally {
            RecordLog.leave();
            step.close();
        }
    }

    /** The failure as the subscriber can read it: its cause's class and message, without the wrappers. */
    private static String describe(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String text = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
