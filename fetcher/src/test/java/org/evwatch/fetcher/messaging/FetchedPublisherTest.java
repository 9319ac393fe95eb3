package org.evwatch.fetcher.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.evwatch.events.ContentTypes;
import org.evwatch.events.PaperFetched;
import org.evwatch.events.PaperKeys;
import org.evwatch.events.metrics.PipelineMetrics;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.RecordLog;
import org.evwatch.fetcher.testsupport.LogCapture;
import org.evwatch.testing.messaging.MessageEmitter;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class FetchedPublisherTest {

    /** An emitter whose broker refuses every record. */
    private static final class RefusingEmitter extends MessageEmitter<byte[]> {

        @Override
        public <M extends Message<? extends byte[]>> void send(M message) {
            message.nack(new IllegalStateException("record too large"));
        }
    }

    @Test
    void aRefusedRecordIsLoggedNamingIt() {
        FetchedPublisher publisher = new FetchedPublisher(new RefusingEmitter(), PipelineMetrics.detached(),
                PipelineTracing.off());
        String payload = "<PubmedArticle/>";
        OutgoingRecord record = OutgoingRecord.of(new PaperFetched(PaperFetched.SCHEMA_VERSION, "pubmed", "4242",
                ContentTypes.PUBMED_XML, payload, PaperKeys.sha256(payload), false, Instant.now(), "stub://pubmed",
                "ev-cancer"));

        CompletableFuture<Void> acked;
        try (LogCapture log = LogCapture.of(FetchedPublisher.class)) {
            acked = publisher.send(record);
            assertThat(log.lines()).singleElement().satisfies(line -> {
                assertThat(line.recordId()).isEqualTo("4242");
                assertThat(line.text()).contains("refused record").contains("4242").contains("too large");
            });
        }
        assertThatThrownBy(acked::get).isInstanceOf(ExecutionException.class).hasMessageContaining("too large");
        assertThat(MDC.get(RecordLog.RECORD_ID)).as("the record is named only in its own line").isNull();
    }
}
