package org.evwatch.events.consumer;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.evwatch.events.metrics.PipelineMetrics;
import org.jboss.logging.Logger;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * The failure strategy of every EVwatch consumer ({@code failure-strategy=evwatch}). A record that failed on its own
 * content goes to the channel's dead-letter topic, with the reason, the exception class and the source topic,
 * partition and offset in headers (SmallRye's dead-letter strategy, configured by the channel's
 * {@code dead-letter-queue.*} settings). A record that failed because a dependency was down is never dead-lettered:
 * where no retry absorbed the failure (a transient failure outside {@link Redelivery#call}, an output record the
 * broker did not take), its partition is rewound to it after a backoff ({@link Rewind}), so it is processed again, in
 * order, once the dependency is back. A record that failed while the service is stopping is left unacknowledged, so
 * its offset is not committed and the next consumer of its partition takes it again.
 * <p>
 * Every record that failed, was taken again or was dead-lettered is counted here, for every consumer
 * ({@link PipelineMetrics}).
 */
@ApplicationScoped
@Unremovable
@Identifier("evwatch")
public class RedeliverOrDeadLetter implements KafkaFailureHandler.Factory {

    private static final Logger LOG = Logger.getLogger(RedeliverOrDeadLetter.class);

    private final KafkaFailureHandler.Factory deadLetters;
    private final Redelivery redelivery;
    private final PipelineMetrics metrics;

    @Inject
    public RedeliverOrDeadLetter(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetters,
            Redelivery redelivery, PipelineMetrics metrics) {
        this.deadLetters = deadLetters;
        this.redelivery = redelivery;
        this.metrics = metrics;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, io.vertx.mutiny.core.Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetter = deadLetters.create(config, vertx, consumer, reportFailure);
        Rewind rewind = new Rewind(consumer);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (redelivery.stopping()) {
                    LOG.warnf("record %s-%d@%d (key %s) left uncommitted while stopping, to be taken again: %s",
                            record.getTopic(), record.getPartition(), record.getOffset(), record.getKey(),
                            reason.toString());
                    return Uni.createFrom().nothing();
                }
                metrics.failed(record.getTopic());
                if (Failures.isTransient(reason)) {
                    metrics.retried(record.getTopic());
                    LOG.warnf("record %s-%d@%d (key %s) failed transiently, to be taken again: %s", record.getTopic(),
                            record.getPartition(), record.getOffset(), record.getKey(), reason.toString());
                    return rewind.rewind(record);
                }
                metrics.deadLettered(record.getTopic());
                return deadLetter.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetter.terminate();
            }
        };
    }
}
