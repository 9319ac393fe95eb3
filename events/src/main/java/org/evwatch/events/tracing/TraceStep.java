package org.evwatch.events.tracing;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;

/**
 * One traced step of a record's way through the pipeline: a span, ended by {@link #close()}. Its
 * {@link #traceparent()} (W3C Trace Context) goes with the record to the next service, in the Kafka header
 * {@value PipelineTracing#HEADER}. When tracing is off every step is {@link #NONE}, which does nothing.
 */
public final class TraceStep implements AutoCloseable {

    /** The step of a service that traces nothing. */
    public static final TraceStep NONE = new TraceStep(null);

    private final Span span;

    TraceStep(Span span) {
        this.span = span;
    }

    /** The W3C {@code traceparent} of this step, or null when it is not traced. */
    public String traceparent() {
        if (span == null) {
            return null;
        }
        SpanContext c = span.getSpanContext();
        return "00-" + c.getTraceId() + "-" + c.getSpanId() + "-" + c.getTraceFlags().asHex();
    }

    /** The trace id, or null when it is not traced. */
    public String traceId() {
        return span == null ? null : span.getSpanContext().getTraceId();
    }

    /** Adds the step's {@code traceparent} header to an outgoing record's headers; nothing when untraced. */
    public void addTo(Headers headers) {
        if (span != null) {
            headers.remove(PipelineTracing.HEADER);
            headers.add(PipelineTracing.HEADER, traceparent().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** Marks the step failed, with the reason. */
    public void fail(Throwable reason) {
        if (span != null) {
            span.recordException(reason);
            span.setStatus(StatusCode.ERROR, String.valueOf(reason.getMessage()));
        }
    }

    /** Adds an attribute, e.g. the paper id a record became. */
    public void attribute(String key, String value) {
        if (span != null && value != null) {
            span.setAttribute(key, value);
        }
    }

    /** Ends the step. */
    @Override
    public void close() {
        if (span != null) {
            span.end();
        }
    }
}
