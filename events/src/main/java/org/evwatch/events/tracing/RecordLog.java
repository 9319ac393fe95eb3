package org.evwatch.events.tracing;

import org.jboss.logging.MDC;

/**
 * Puts the record being processed, and its trace when traced, into the logging context ({@code recordId},
 * {@code traceId}), so that every line logged meanwhile names them: in the console format and as fields of JSON logs.
 */
public final class RecordLog {

    public static final String RECORD_ID = "recordId";
    public static final String TRACE_ID = "traceId";

    private RecordLog() {
    }

    /** From now on, on this thread, lines name {@code recordId} and the step's trace. */
    public static void enter(String recordId, TraceStep step) {
        MDC.put(RECORD_ID, recordId);
        String traceId = step.traceId();
        if (traceId != null) {
            MDC.put(TRACE_ID, traceId);
        }
    }

    /** Lines name no record any more. */
    public static void leave() {
        MDC.remove(RECORD_ID);
        MDC.remove(TRACE_ID);
    }
}
