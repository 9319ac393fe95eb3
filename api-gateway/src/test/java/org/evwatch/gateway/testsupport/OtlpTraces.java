package org.evwatch.gateway.testsupport;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.evwatch.testing.otlp.OtlpReceiver;

/**
 * Turns the gateway's tracing on, exporting to an OTLP receiver inside the test JVM, whose spans tests read by trace.
 */
public class OtlpTraces implements QuarkusTestResourceLifecycleManager {

    private static OtlpReceiver receiver;

    @Override
    public Map<String, String> start() {
        receiver = OtlpReceiver.start();
        return Map.of("evwatch.otlp.endpoint", receiver.endpoint());
    }

    @Override
    public void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    /** The spans received so far of the trace {@code traceId}. */
    public static List<OtlpReceiver.Span> trace(String traceId) {
        return receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }
}
