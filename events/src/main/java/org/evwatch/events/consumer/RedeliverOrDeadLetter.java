package org.evwatch.events.consumer;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Metadata;
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
 * {@code dead-letter-queue.*} settings). A record that failed because a dependency was down, or while the service was
 * stopping, is never dead-lettered: it is left unacknowledged, so its offset is not committed and the next consumer
 * of its partition takes it again.
 */
@ApplicationScoped
@Unremovable
@Identifier("evwatch")
public class RedeliverOrDeadLetter implements KafkaFailureHandler.Factory {

    private static final Logger LOG = Logger.getLogger(RedeliverOrDeadLetter.class);

    private final KafkaFailureHandler.Factory deadLetters;
    private final Redelivery redelivery;

    @Inject
    public RedeliverOrDeadLetter(@Identifier("dead-letter-queue") KafkaFailureHandler.Factory deadLetters,
            Redelivery redelivery) {
        this.deadLetters = deadLetters;
        this.redelivery = redelivery;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, io.vertx.mutiny.core.Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetter = deadLetters.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (redelivery.stopping() || Failures.isTransient(reason)) {
                    LOG.warnf("record %s-%d@%d (key %s) left uncommitted, to be taken again: %s", record.getTopic(),
                            record.getPartition(), record.getOffset(), record.getKey(), reason.toString());
                    return Uni.createFrom().nothing();
                }
                return deadLetter.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetter.terminate();
            }
        };
    }
}
