package org.evwatch.gateway.subscriptions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.evwatch.events.metrics.PipelineMetric;
import org.evwatch.events.metrics.PipelineMetrics;

import io.micrometer.core.instrument.Counter;
import io.quarkus.runtime.StartupEvent;

/**
 * Papers delivered to subscribers, by channel and outcome ({@link PipelineMetric#DELIVERIES}), and the deliveries
 * still waiting in the webhook and e-mail outboxes ({@link PipelineMetric#OUTBOX_BACKLOG}). The counters are bound
 * once; a backlog is counted in the database at most once a second, when a scrape asks.
 */
@ApplicationScoped
public class DeliveryMetrics {

    private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** A pending-deliveries count, read again once it is a second old. */
    private final class Backlog {
        private final String sql;
        private volatile long value;
        private volatile long readAt = System.nanoTime() - FRESH_NANOS;

        Backlog(String table) {
            this.sql = "select count(*) from " + table + " where state = 'PENDING'";
        }

        double read() {
            if (System.nanoTime() - readAt >= FRESH_NANOS) {
                try (Connection c = dataSource.getConnection();
                        PreparedStatement s = c.prepareStatement(sql);
                        ResultSet rs = s.executeQuery()) {
                    rs.next();
                    value = rs.getLong(1);
                    readAt = System.nanoTime();
                } catch (SQLException e) {
                    return Double.NaN;
                }
            }
            return value;
        }
    }

    private final DataSource dataSource;
    private final PipelineMetrics metrics;
    private final Counter sseSent;
    private final Counter sseFailed;
    private final Counter webhookSent;
    private final Counter webhookRetry;
    private final Counter webhookFailed;
    private final Counter emailSent;
    private final Counter emailFailed;

    public DeliveryMetrics(DataSource dataSource, PipelineMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
        this.sseSent = metrics.counter(PipelineMetric.DELIVERIES, "sse", "sent");
        this.sseFailed = metrics.counter(PipelineMetric.DELIVERIES, "sse", "failed");
        this.webhookSent = metrics.counter(PipelineMetric.DELIVERIES, "webhook", "sent");
        this.webhookRetry = metrics.counter(PipelineMetric.DELIVERIES, "webhook", "retry");
        this.webhookFailed = metrics.counter(PipelineMetric.DELIVERIES, "webhook", "failed");
        this.emailSent = metrics.counter(PipelineMetric.DELIVERIES, "email", "sent");
        this.emailFailed = metrics.counter(PipelineMetric.DELIVERIES, "email", "failed");
    }

    void start(@Observes StartupEvent event) {
        metrics.gauge(PipelineMetric.OUTBOX_BACKLOG, new Backlog("webhook_delivery"), Backlog::read, "webhook");
        metrics.gauge(PipelineMetric.OUTBOX_BACKLOG, new Backlog("email_delivery"), Backlog::read, "email");
    }

    /** A paper event written to a live stream, or the stream failed. */
    public void sse(boolean sent) {
        (sent ? sseSent : sseFailed).increment();
    }

    /** A webhook attempt: delivered, to be retried, or failed for good. */
    public void webhook(boolean delivered, boolean retry) {
        (delivered ? webhookSent : retry ? webhookRetry : webhookFailed).increment();
    }

    /** A mail of {@code papers} deliveries sent, or failed (it is retried on its schedule). */
    public void email(int deliveries, boolean sent) {
        (sent ? emailSent : emailFailed).increment(deliveries);
    }
}
