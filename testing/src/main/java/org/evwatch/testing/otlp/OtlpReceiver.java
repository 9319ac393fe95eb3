package org.evwatch.testing.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OTLP/HTTP trace receiver inside the test JVM: services export their spans to {@link #endpoint()} (protobuf, as
 * the OpenTelemetry SDK's HTTP exporter sends them), and the receiver keeps them in memory for the test to read.
 */
public final class OtlpReceiver implements AutoCloseable {

    /** A span as exported: its service ({@code service.name}), ids, name and string attributes. */
    public record Span(String service, String traceId, String spanId, String parentSpanId, String name,
            Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free loopback port. */
    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/v1/traces", receiver::export);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to give an exporter ({@code OTEL_EXPORTER_OTLP_ENDPOINT}); traces go to its /v1/traces. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every span received so far. */
    public List<Span> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody())
                    : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                spans.addAll(decode(body));
            } catch (RuntimeException e) {
                // What the receiver cannot read is refused, and the test that expected its spans says why.
                byte[] why = e.toString().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, why.length);
                exchange.getResponseBody().write(why);
                throw e;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** The spans of an {@code ExportTraceServiceRequest}. */
    static List<Span> decode(byte[] request) {
        List<Span> out = new ArrayList<>();
        ProtoReader r = new ProtoReader(request);
        while (r.next()) {
            if (r.field() == 1) {
                resourceSpans(r.message(), out);
            } else {
                r.skip();
            }
        }
        return out;
    }

    private static void resourceSpans(ProtoReader r, List<Span> out) {
        String service = null;
        List<ProtoReader> scopes = new ArrayList<>();
        while (r.next()) {
            if (r.field() == 1) {
                service = attributes(r.message(), 1).get("service.name");
            } else if (r.field() == 2) {
                scopes.add(r.message());
            } else {
                r.skip();
            }
        }
        for (ProtoReader scope : scopes) {
            while (scope.next()) {
                if (scope.field() == 2) {
                    out.add(span(scope.message(), service));
                } else {
                    scope.skip();
                }
            }
        }
    }

    private static Span span(ProtoReader r, String service) {
        String traceId = null;
        String spanId = null;
        String parent = "";
        String name = null;
        Map<String, String> attributes = new HashMap<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> traceId = r.hex();
                case 2 -> spanId = r.hex();
                case 4 -> parent = r.hex();
                case 5 -> name = r.string();
                case 9 -> attributes.putAll(keyValue(r.message()));
                default -> r.skip();
            }
        }
        return new Span(service, traceId, spanId, parent, name, attributes);
    }

    /** The string attributes among the fields {@code field} of a message (a resource's, a span's). */
    private static Map<String, String> attributes(ProtoReader r, int field) {
        Map<String, String> attributes = new HashMap<>();
        while (r.next()) {
            if (r.field() == field) {
                attributes.putAll(keyValue(r.message()));
            } else {
                r.skip();
            }
        }
        return attributes;
    }

    private static Map<String, String> keyValue(ProtoReader r) {
        String key = null;
        String value = null;
        while (r.next()) {
            if (r.field() == 1) {
                key = r.string();
            } else if (r.field() == 2) {
                ProtoReader any = r.message();
                while (any.next()) {
                    if (any.field() == 1) {
                        value = any.string();
                    } else {
                        any.skip();
                    }
                }
            } else {
                r.skip();
            }
        }
        return key == null || value == null ? Map.of() : Map.of(key, value);
    }
}
