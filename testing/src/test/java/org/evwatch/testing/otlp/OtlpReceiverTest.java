package org.evwatch.testing.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.evwatch.events.Topics;
import org.evwatch.events.tracing.PipelineTracing;
import org.evwatch.events.tracing.TraceStep;
import org.junit.jupiter.api.Test;

/**
 * The tracing of the services ({@link PipelineTracing}) through the real OpenTelemetry SDK and OTLP/HTTP exporter into
 * the receiver the whole-system test reads: a record's trace crosses "services" by its Kafka header, keeps one trace
 * id, and each step is the child of the one before.
 */
class OtlpReceiverTest {

    @Test
    void aRecordsStepsInSeveralServicesFormOneTraceCarriedByTheKafkaHeader() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            PipelineTracing fetcher = tracing(receiver, "evwatch-fetcher");
            PipelineTracing extractor = tracing(receiver, "evwatch-extractor");
            RecordHeaders headers = new RecordHeaders();
            try (TraceStep sent = fetcher.send(Topics.PAPERS_FETCHED, "pubmed:123")) {
                sent.addTo(headers);
            }
            RecordHeaders onward = new RecordHeaders();
            try (TraceStep taken = extractor.receive(Topics.PAPERS_FETCHED, PipelineTracing.traceparent(headers),
                    PipelineTracing.RECORD_ID, "pubmed:123")) {
                taken.addTo(onward);
            }
            try (TraceStep delivered = extractor.deliver("sse", PipelineTracing.traceparent(onward), "paper-1")) {
                assertNotNull(delivered.traceId());
            }
            fetcher.shutdown();
            extractor.shutdown();

            Map<String, OtlpReceiver.Span> byName = receiver.spans().stream()
                    .collect(Collectors.toMap(OtlpReceiver.Span::name, Function.identity()));
            OtlpReceiver.Span publish = byName.get("papers.fetched publish");
            OtlpReceiver.Span process = byName.get("papers.fetched process");
            OtlpReceiver.Span deliver = byName.get("deliver sse");
            assertEquals(3, byName.size(), () -> "spans received: " + receiver.spans());
            assertEquals("evwatch-fetcher", publish.service());
            assertEquals("pubmed:123", publish.attributes().get(PipelineTracing.RECORD_ID));
            assertEquals("evwatch-extractor", process.service());
            assertEquals(publish.traceId(), process.traceId());
            assertEquals(publish.traceId(), deliver.traceId());
            assertEquals(publish.spanId(), process.parentSpanId());
            assertEquals(process.spanId(), deliver.parentSpanId());
            assertEquals("paper-1", deliver.attributes().get(PipelineTracing.PAPER_ID));
            assertTrue(publish.parentSpanId().isEmpty(), "the fetch starts the trace");
        }
    }

    @Test
    void withoutAnEndpointNothingIsTracedAndNoHeaderIsAdded() {
        PipelineTracing off = PipelineTracing.off();
        RecordHeaders headers = new RecordHeaders();
        TraceStep step = off.send(Topics.PAPERS_FETCHED, "pubmed:1");
        step.addTo(headers);
        assertEquals(TraceStep.NONE, step);
        assertNull(PipelineTracing.traceparent(headers));
        assertEquals(List.of(), List.of(headers.toArray()));
    }

    private static PipelineTracing tracing(OtlpReceiver receiver, String service) {
        return new PipelineTracing(receiver.endpoint(), service, Duration.ofMillis(100));
    }
}
