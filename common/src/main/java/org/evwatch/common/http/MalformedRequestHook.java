package org.evwatch.common.http;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.Context;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;

/**
 * Puts {@link MalformedRequests} in front of every HTTP connection of the service. Vert.x hands a request its decoder
 * could not read to the server's invalid-request handler, which Quarkus leaves at Vert.x's default (a bare status
 * with no body, or none at all); Quarkus gives no access to the server it creates. What it does give is the Vert.x
 * options, and Vert.x tells a tracer about every request as it begins, before it chooses the handler: the tracer
 * below, which records nothing, sets the connection's invalid-request handler when the request it sees is one the
 * decoder rejected. A tracer configured by something else is left in place (and this layer then steps aside).
 */
@Singleton
public class MalformedRequestHook implements VertxOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(MalformedRequestHook.class);

    @Override
    public void accept(VertxOptions options) {
        if (options.getTracingOptions() != null) {
            LOG.warn("Vert.x tracing is configured elsewhere: malformed HTTP requests get Vert.x's bare answers");
            return;
        }
        options.setTracingOptions(new TracingOptions().setFactory(tracing -> new Watcher()));
    }

    /** A tracer that traces nothing: it only swaps the handler of a connection whose request could not be decoded. */
    static final class Watcher implements VertxTracer<Object, Object> {
        @Override
        public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request,
                String operation, Iterable<java.util.Map.Entry<String, String>> headers,
                TagExtractor<R> tagExtractor) {
            if (request instanceof HttpServerRequest http && http.decoderResult() != null
                    && http.decoderResult().isFailure()
                    && http.connection() instanceof io.vertx.core.http.impl.HttpServerConnection connection) {
                connection.invalidRequestHandler(MalformedRequests::answer);
            }
            return null;
        }
    }
}
