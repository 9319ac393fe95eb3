package org.evwatch.events.tracing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Traces each record from its fetch to its delivery: every service starts a span per record it sends or takes,
 * child of the one the record's {@value #HEADER} Kafka header names, and sends the record on with its own. Spans go
 * by OTLP over HTTP to {@code evwatch.otlp.endpoint} ({@code EVWATCH_OTLP_ENDPOINT}, or the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}), the collector's base URL ({@code /v1/traces} is added). Without an endpoint
 * tracing is off: no SDK is started and each step is {@link TraceStep#NONE}, so a record costs a null check.
 */
@ApplicationScoped
public class PipelineTracing {

    /** The Kafka header that carries the W3C trace context from one service to the next. */
    public static final String HEADER = "traceparent";
    /** The span attribute that names the record: its source record id, or its paper key on papers.extracted. */
    public static final String RECORD_ID = "evwatch.record.id";
    /** The span attribute that names the paper: its catalog id. */
    public static final String PAPER_ID = "evwatch.paper.id";
    /** The span attribute of a delivery that names the subscription it goes out for. */
    public static final String SUBSCRIPTION_ID = "evwatch.subscription.id";
    /** The span attribute of a delivery that numbers its attempt, from 1. */
    public static final String ATTEMPT = "evwatch.delivery.attempt";
    /**
     * The span attribute of a delivery that says how its attempt ended: {@code delivered} (webhook) or {@code sent}
     * (e-mail), {@code retry} when another attempt will follow, {@code failed} when none will.
     */
    public static final String OUTCOME = "evwatch.delivery.outcome";

    private static final Logger LOG = Logger.getLogger(PipelineTracing.class);
    private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return Collections.singleton(HEADER);
        }

        @Override
        public String get(String carrier, String key) {
            return HEADER.equals(key) ? carrier : null;
        }
    };

    private final OpenTelemetrySdk sdk;
    private final Tracer tracer;

    @Inject
    public PipelineTracing(@ConfigProperty(name = "evwatch.otlp.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "evwatch") String service) {
        this(endpoint.filter(e -> !e.isBlank())
                .or(() -> Optional.ofNullable(System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT")))
                .filter(e -> !e.isBlank()).orElse(null), service, Duration.ofSeconds(1));
    }

    /** Exports to {@code endpoint} (a base URL) every {@code delay}; off when {@code endpoint} is null. */
    public PipelineTracing(String endpoint, String service, Duration delay) {
        if (endpoint == null) {
            sdk = null;
            tracer = null;
            return;
        }
        String url = endpoint.replaceAll("/+$", "") + "/v1/traces";
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service))))
                .addSpanProcessor(BatchSpanProcessor.builder(OtlpHttpSpanExporter.builder().setEndpoint(url).build())
                        .setScheduleDelay(delay).build())
                .build();
        sdk = OpenTelemetrySdk.builder().setTracerProvider(provider).build();
        tracer = sdk.getTracer("org.evwatch");
        LOG.infof("traces of %s go to %s", service, url);
    }

    /** Tracing that exports nothing. */
    public static PipelineTracing off() {
        return new PipelineTracing(null, "evwatch", Duration.ZERO);
    }

    public boolean enabled() {
        return tracer != null;
    }

    /** The first step of a record's trace: the fetcher sending it to {@code topic}. */
    public TraceStep send(String topic, String recordId) {
        if (tracer == null) {
            return TraceStep.NONE;
        }
        return new TraceStep(tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER).setNoParent()
                .setAttribute(RECORD_ID, recordId).startSpan());
    }

    /**
     * A service taking a record from {@code topic}, continuing the trace of its {@code traceparent} (may be null);
     * {@code idKey} is {@link #RECORD_ID} or {@link #PAPER_ID}.
     */
    public TraceStep receive(String topic, String traceparent, String idKey, String id) {
        return step(topic + " process", SpanKind.CONSUMER, traceparent, idKey, id);
    }

    /** A paper announced on {@code topic}, after the step of {@code traceparent}. */
    public TraceStep sendOn(String topic, String traceparent, String paperId) {
        return step(topic + " publish", SpanKind.PRODUCER, traceparent, PAPER_ID, paperId);
    }

    /** A paper delivered to a subscriber by {@code channel} (sse, webhook, email), after the step of traceparent. */
    public TraceStep deliver(String channel, String traceparent, String paperId) {
        return step("deliver " + channel, SpanKind.PRODUCER, traceparent, PAPER_ID, paperId);
    }

    /** The {@code traceparent} header of a Kafka record, or null. */
    public static String traceparent(Headers headers) {
        Header h = headers.lastHeader(HEADER);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.US_ASCII);
    }

    void stop(@Observes ShutdownEvent event) {
        shutdown();
    }

    /** Exports what is still buffered, then stops. */
    public void shutdown() {
        if (sdk != null) {
            sdk.shutdown().join(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private TraceStep step(String name, SpanKind kind, String traceparent, String idKey, String id) {
        if (tracer == null) {
            return TraceStep.NONE;
        }
        var builder = tracer.spanBuilder(name).setSpanKind(kind).setAttribute(idKey, String.valueOf(id));
        if (traceparent != null) {
            builder.setParent(W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent,
                    TRACEPARENT));
        } else {
            builder.setNoParent();
        }
        return new TraceStep(builder.startSpan());
    }
}
