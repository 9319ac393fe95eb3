package org.evwatch.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.evwatch.events.PaperExtracted;
import org.evwatch.events.PaperIndexed;
import org.evwatch.events.Topics;
import org.evwatch.events.serde.EventJson;
import org.evwatch.events.serde.PaperIndexedDeserializer;
import org.evwatch.indexer.catalog.CatalogService;
import org.evwatch.testing.KafkaAndPostgresResource;
import org.evwatch.testing.TestKafka;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The announcement of a catalog change commits with the change: a process that committed and died before publishing
 * anything still announces the paper, from the outbox, and a redelivery of the same record announces nothing more.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndPostgresResource.class)
class OutboxIT {

    @Inject
    CatalogService catalog;

    @Test
    void aCommittedChangeIsAnnouncedFromTheOutboxAndARedeliveryAddsNothing() {
        String doi = "10.5555/evwatch.test.outbox.0001";
        PaperExtracted record = IndexerKafkaIT.extracted(doi, "Outbox-announced exosomes in uveal melanoma");
        try (KafkaConsumer<String, byte[]> indexed = TestKafka.consumer(Topics.PAPERS_INDEXED)) {
            // What the consumer does before it could die: the catalog change and its outbox row, committed. Nothing
            // in this test publishes; only the relay can.
            List<CatalogService.Outcome> outcomes = catalog.record(List.of(record));
            assertThat(outcomes).hasSize(1);
            String paperId = outcomes.get(0).indexed().paperId();
            long version = outcomes.get(0).indexed().version();

            // The topic is read from its start: earlier versions of the same paper may come first.
            ConsumerRecord<String, byte[]> announced = TestKafka.await(indexed,
                    r -> paperId.equals(r.key()) && decode(r).version() == version, Duration.ofSeconds(20));
            assertThat(decode(announced).paper().title()).isEqualTo("Outbox-announced exosomes in uveal melanoma");

            // The record arrives again (the consumer died before committing its offset): nothing new is announced.
            TestKafka.send(Topics.PAPERS_EXTRACTED, "doi:" + doi, EventJson.write(record));
            assertThat(announcementsOf(indexed, paperId, Duration.ofSeconds(5))).isEmpty();
        }
    }

    private static PaperIndexed decode(ConsumerRecord<String, byte[]> r) {
        return new PaperIndexedDeserializer().deserialize(r.topic(), r.value());
    }

    private static List<ConsumerRecord<String, byte[]>> announcementsOf(KafkaConsumer<String, byte[]> consumer,
            String paperId, Duration during) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (paperId.equals(r.key())) {
                    found.add(r);
                }
            });
        }
        return found;
    }
}
